using System.Text.Json;
using Scriban.Runtime;

namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// Functions themes may call, exposed as a ScriptObject so templates see only these and Scriban's
/// built-ins: <c>raw</c> (print trusted HTML), <c>json</c> (a script-safe JSON literal) and
/// <c>label</c> (a word in the page's language); <c>include</c> is
/// Scriban's own, wrapped so included theme HTML is not escaped twice. Read-only: one instance per
/// language serves every page of a compile.
/// </summary>
internal sealed class ThemeHelpers : ScriptObject
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public ThemeHelpers(IReadOnlyDictionary<string, string> labels)
    {
        Labels = labels;
        this["raw"] = new ThemeFunction("raw", typeof(HtmlString), (_, value) => value as HtmlString ?? new HtmlString(value?.ToString() ?? ""));
        // The default encoder escapes <, > and &, so the JSON is safe inside a <script> element.
        this["json"] = new ThemeFunction("json", typeof(HtmlString), (_, value) => new HtmlString(JsonSerializer.Serialize(value, JsonOptions)));
        this["include"] = new HtmlIncludeFunction();
        this["label"] = new ThemeFunction("label", typeof(string), (context, value) =>
            context.ObjectToString(value) is { } key && labels.TryGetValue(key, out var text) ? text : context.ObjectToString(value));
        IsReadOnly = true;
    }

    /// <summary>The words of the page's language.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }
}

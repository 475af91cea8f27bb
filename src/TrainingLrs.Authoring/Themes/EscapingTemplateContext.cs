using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// A Scriban context that HTML-escapes every expression result unless it is an <see cref="HtmlString"/>.
/// Scriban has no auto-escape switch; this is the one place it happens, so a theme cannot forget it.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>A context whose built-in functions are <paramref name="builtins"/> (shared, so not built per page).</summary>
    public EscapingTemplateContext(ScriptObject builtins)
        : base(builtins)
    {
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        base.Write(span, Escape(textAsObject));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        base.WriteAsync(span, Escape(textAsObject));

    private string Escape(object? value) => value switch
    {
        null => "",
        HtmlString html => html.Value,
        string text => WebUtility.HtmlEncode(text),
        _ => WebUtility.HtmlEncode(ObjectToString(value) ?? ""),
    };
}

using System.Collections.Concurrent;
using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TrainingLrs.Pages;

/// <summary>
/// The server's own HTML pages (dashboard, certificates): Scriban templates embedded in this assembly,
/// parsed once, rendered with strict variables and every value HTML-encoded unless it is <see cref="RawHtml"/>.
/// </summary>
public static class HtmlTemplates
{
    private static readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>The shared stylesheet, to put in a page's <c>&lt;style&gt;</c>.</summary>
    public static RawHtml Css { get; } = new(Read("Dashboard.layout.css"));

    /// <summary>Renders the embedded template <paramref name="resource"/> (e.g. <c>Dashboard.dashboard.html</c>).</summary>
    public static string Render(string resource, ScriptObject globals)
    {
        var template = _templates.GetOrAdd(resource, name =>
        {
            var parsed = Template.Parse(Read(name), name);
            return parsed.HasErrors ? throw new InvalidOperationException($"{name}: {string.Join("; ", parsed.Messages)}") : parsed;
        });
        var context = new EscapingContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded template '{resource}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Scriban has no auto-escape switch: every expression result is HTML-encoded here unless it is RawHtml.
    private sealed class EscapingContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject) => base.Write(span, Escape(textAsObject));

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => base.WriteAsync(span, Escape(textAsObject));

        private string Escape(object? value) => value switch
        {
            null => "",
            RawHtml html => html.Value,
            _ => WebUtility.HtmlEncode(ObjectToString(value) ?? ""),
        };
    }
}

/// <summary>Markup that is already safe (our own SVG and CSS), written into a page as it is.</summary>
/// <param name="Value">The markup.</param>
public sealed record RawHtml(string Value);

using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Dashboard;

/// <summary>Renders the dashboard and login pages from the embedded Scriban templates.</summary>
public static class DashboardPage
{
    private static readonly Lazy<Template> _dashboard = new(() => Load("dashboard.html"));
    private static readonly Lazy<Template> _login = new(() => Load("login.html"));
    private static readonly Lazy<string> _css = new(() => ReadResource("layout.css"));

    /// <summary>The dashboard for <paramref name="model"/>; <paramref name="scopeName"/> names the member, or null for all.</summary>
    public static string Render(DashboardModel model, string? scopeName)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["css"] = new RawHtml(_css.Value);
        globals["scope_name"] = scopeName;
        globals["types"] = PartnerTypes.CanonicalNames;
        globals["type"] = model.Filter.Type?.ToName();
        globals["states"] = UsStates.Codes;
        globals["deadline"] = model.Campaign?.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        globals["progress_chart"] = new RawHtml(model.Progress.Count == 0 ? "" : SvgCharts.Lines(
            "Campaign progress over time",
            $"Partners and learners complete each day from {model.Progress[0].Day} to {model.Progress[^1].Day}.",
            [.. model.Progress.Select(p => p.Day)],
            [("Partners complete", "partners", [.. model.Progress.Select(p => p.PartnersComplete)]), ("Learners complete", "learners", [.. model.Progress.Select(p => p.LearnersComplete)])]));
        globals["funnel_chart"] = new RawHtml(SvgCharts.Bars(
            "Module funnel",
            "Learners who satisfied each module, as a share of those who started it.",
            [.. model.Funnel.Select(f => (f.Title, "bar-ok", f.Percent, $"{f.Satisfied} of {f.Started}"))],
            maxValue: 100));
        return RenderTemplate(_dashboard.Value, globals);
    }

    /// <summary>The sign-in form, with an error when a sign-in failed.</summary>
    public static string RenderLogin(string? error, string? key)
    {
        var globals = new ScriptObject { ["css"] = new RawHtml(_css.Value), ["error"] = error, ["key"] = key };
        return RenderTemplate(_login.Value, globals);
    }

    private static string RenderTemplate(Template template, ScriptObject globals)
    {
        var context = new EscapingContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var template = Template.Parse(ReadResource(name), name);
        return template.HasErrors ? throw new InvalidOperationException($"{name}: {string.Join("; ", template.Messages)}") : template;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("Dashboard." + name)
            ?? throw new InvalidOperationException($"embedded dashboard template '{name}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Markup that is already safe (our own SVG and CSS).</summary>
    private sealed record RawHtml(string Value);

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

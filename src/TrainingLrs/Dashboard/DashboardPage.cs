using Scriban.Runtime;
using TrainingLrs.Pages;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Dashboard;

/// <summary>Renders the dashboard and login pages from the embedded Scriban templates.</summary>
public static class DashboardPage
{

    /// <summary>The dashboard for <paramref name="model"/>; <paramref name="scopeName"/> names the member, or null for all.</summary>
    public static string Render(DashboardModel model, string? scopeName)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["css"] = HtmlTemplates.Css;
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
        return HtmlTemplates.Render("Dashboard.dashboard.html", globals);
    }

    /// <summary>The sign-in form, with an error when a sign-in failed.</summary>
    public static string RenderLogin(string? error, string? key)
    {
        var globals = new ScriptObject { ["css"] = HtmlTemplates.Css, ["error"] = error, ["key"] = key };
        return HtmlTemplates.Render("Dashboard.login.html", globals);
    }
}

using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Courses;

/// <summary>Turns a compiled course into what completion counts against.</summary>
public static class CourseCatalog
{
    /// <summary>The activity IRI of a webinar: attendance statements use it as their object.</summary>
    public static string WebinarIri(string courseId, string webinarId) => courseId.TrimEnd('/') + "/webinars/" + webinarId;

    /// <summary>Modules, webinar credit and campaign of <paramref name="result"/>; empty when it has no course.</summary>
    public static ModuleCatalog From(CompileResult result)
    {
        if (result.Course is not { } course)
        {
            return ModuleCatalog.Empty;
        }

        var required = course.Campaign?.RequiredModules.ToHashSet(StringComparer.Ordinal) ?? [];
        var modules = result.Modules
            .Select(m => new ModuleInfo(
                m.Id,
                m.ActivityIri,
                m.Titles.GetValueOrDefault("en") ?? m.Titles.Values.FirstOrDefault() ?? m.Id,
                Enum.Parse<MoveOn>(m.MoveOn.ToString()),
                required.Contains(m.Id)))
            .ToArray();
        var webinars = course.Webinars.ToDictionary(w => WebinarIri(course.Id, w.Id), w => w.Modules, StringComparer.Ordinal);
        CampaignInfo? campaign = course.Campaign is { Start: { } start, Deadline: { } deadline } c
            ? new CampaignInfo(
                new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                // The deadline is a whole day: partners have until its end.
                new DateTimeOffset(deadline.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero),
                Math.Max(1, c.LearnersPerPartner))
            : null;
        var webinarIds = course.Webinars.ToDictionary(w => w.Id, w => WebinarIri(course.Id, w.Id), StringComparer.Ordinal);
        return new ModuleCatalog(modules, webinars, campaign, course.TitleIn("en"), webinarIds);
    }
}

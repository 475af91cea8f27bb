namespace TrainingLrs.Reporting.Completion;

/// <summary>A module as completion sees it.</summary>
/// <param name="Id">Module id shared by every language edition (e.g. <c>02-child-labor-law</c>).</param>
/// <param name="ActivityIri">The module's xAPI activity id; statements about it or its children count.</param>
/// <param name="Title">English title.</param>
/// <param name="MoveOn">What satisfies it.</param>
/// <param name="Required">Whether the campaign requires it.</param>
public sealed record ModuleInfo(string Id, string ActivityIri, string Title, MoveOn MoveOn, bool Required);

/// <summary>The campaign's dates and targets.</summary>
/// <param name="Start">When the campaign opened.</param>
/// <param name="Deadline">When every partner must be complete.</param>
/// <param name="LearnersNeededPerPartner">How many of a partner's learners must satisfy every required module.</param>
public sealed record CampaignInfo(DateTimeOffset Start, DateTimeOffset Deadline, int LearnersNeededPerPartner);

/// <summary>
/// The course as completion needs it: modules by activity IRI, webinar-to-module credit, and the
/// campaign. Built by the host from the compiled course.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleInfo> _byIri;
    private readonly Dictionary<string, IReadOnlyList<string>> _webinars;

    /// <summary>Creates the catalog.</summary>
    /// <param name="modules">The modules in course order.</param>
    /// <param name="webinars">Webinar activity IRI → ids of the modules attendance counts for.</param>
    /// <param name="campaign">The campaign, if the course defines one.</param>
    /// <param name="courseTitle">The course's English title, for certificates.</param>
    /// <param name="webinarIds">Webinar id (as in course.yml and attendee exports) → activity IRI.</param>
    public ModuleCatalog(
        IReadOnlyList<ModuleInfo> modules,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? webinars = null,
        CampaignInfo? campaign = null,
        string courseTitle = "Labor rights training",
        IReadOnlyDictionary<string, string>? webinarIds = null)
    {
        CourseTitle = courseTitle;
        WebinarIris = webinarIds ?? new Dictionary<string, string>();
        Modules = modules;
        _byIri = modules.ToDictionary(m => m.ActivityIri, StringComparer.Ordinal);
        _webinars = new Dictionary<string, IReadOnlyList<string>>(webinars ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        Campaign = campaign;
    }

    /// <summary>An empty catalog: nothing counts.</summary>
    public static ModuleCatalog Empty { get; } = new([]);

    /// <summary>The modules in course order.</summary>
    public IReadOnlyList<ModuleInfo> Modules { get; }

    /// <summary>Webinar id → activity IRI.</summary>
    public IReadOnlyDictionary<string, string> WebinarIris { get; }

    /// <summary>The course's English title.</summary>
    public string CourseTitle { get; }

    /// <summary>The campaign, or null.</summary>
    public CampaignInfo? Campaign { get; }

    /// <summary>The module by id, or null.</summary>
    public ModuleInfo? Find(string moduleId) => Modules.FirstOrDefault(m => m.Id == moduleId);

    /// <summary>The module whose activity is <paramref name="iri"/> itself, or null.</summary>
    public ModuleInfo? ByActivity(string iri) => _byIri.GetValueOrDefault(iri);

    /// <summary>
    /// The module an activity belongs to: itself, or the module whose IRI is a path prefix of it
    /// (pages and questions are <c>{module}/…</c>).
    /// </summary>
    public ModuleInfo? Containing(string iri)
    {
        if (_byIri.TryGetValue(iri, out var module))
        {
            return module;
        }
        for (var slash = iri.LastIndexOf('/'); slash > 0; slash = iri.LastIndexOf('/', slash - 1))
        {
            if (_byIri.TryGetValue(iri[..slash], out module))
            {
                return module;
            }
        }
        return null;
    }

    /// <summary>Modules attendance at the webinar <paramref name="iri"/> counts for.</summary>
    public IReadOnlyList<ModuleInfo> ForWebinar(string iri) =>
        _webinars.TryGetValue(iri, out var ids) ? [.. ids.Select(Find).OfType<ModuleInfo>()] : [];
}

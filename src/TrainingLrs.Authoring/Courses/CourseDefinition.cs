namespace TrainingLrs.Authoring.Courses;

/// <summary>The contents of <c>course.yml</c>: identity, languages, module order and campaign.</summary>
public sealed record CourseDefinition
{
    /// <summary>Course IRI, e.g. <c>https://traininglrs.org/courses/labor-rights-2026</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title per language code.</summary>
    public required IReadOnlyDictionary<string, string> Title { get; init; }

    /// <summary>Description per language code (may be empty).</summary>
    public IReadOnlyDictionary<string, string> Description { get; init; } = new Dictionary<string, string>();

    /// <summary>Language codes; the first is the fallback edition (normally <c>en</c>).</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>Base IRI for activity ids; a module's IRI is this plus its id.</summary>
    public required string ActivityIriBase { get; init; }

    /// <summary>Theme folder name under <c>themes/</c>.</summary>
    public string Theme { get; init; } = "default";

    /// <summary>Modules in course order.</summary>
    public required IReadOnlyList<CourseModule> Modules { get; init; }

    /// <summary>Campaign settings, if any.</summary>
    public Campaign? Campaign { get; init; }

    /// <summary>Webinar-to-module mapping.</summary>
    public IReadOnlyList<Webinar> Webinars { get; init; } = [];

    /// <summary>The fallback language (the first listed).</summary>
    public string FallbackLanguage => Languages.Count > 0 ? Languages[0] : "en";

    /// <summary>Activity IRI of a module.</summary>
    public string ActivityIri(string moduleId) => ActivityIriBase.TrimEnd('/') + "/" + moduleId;

    /// <summary>Title in a language, falling back to the first language.</summary>
    public string TitleIn(string language) =>
        Title.TryGetValue(language, out var t) ? t : Title.TryGetValue(FallbackLanguage, out var f) ? f : Id;
}

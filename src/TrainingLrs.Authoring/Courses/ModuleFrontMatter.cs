namespace TrainingLrs.Authoring.Courses;

/// <summary>The YAML front matter at the top of a module's language file.</summary>
public sealed record ModuleFrontMatter
{
    /// <summary>Module id (lowercase letters, digits and dashes); identical in every language edition.</summary>
    public required string Id { get; init; }

    /// <summary>Title in this language.</summary>
    public required string Title { get; init; }

    /// <summary>One-sentence description in this language.</summary>
    public string Description { get; init; } = "";

    /// <summary>Expected duration in minutes.</summary>
    public int DurationMinutes { get; init; }

    /// <summary>Learning objectives, when not written as a <c>::: objectives</c> block.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Content version, shown in the page and manifests.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>Line of the <c>id</c> key, for diagnostics.</summary>
    public int Line { get; init; } = 1;
}

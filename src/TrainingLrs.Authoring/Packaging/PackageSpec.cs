namespace TrainingLrs.Authoring.Packaging;

/// <summary>What a manifest describes: the package identity, its items and the files they share.</summary>
internal sealed record PackageSpec(
    string Identifier,
    string CourseIri,
    string Title,
    string Description,
    string Language,
    IReadOnlyList<PackageItem> Items,
    IReadOnlyList<string> SharedFiles);

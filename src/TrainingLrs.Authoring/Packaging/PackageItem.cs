using TrainingLrs.Authoring.Courses;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>One module inside a package: a SCO (SCORM) or an AU (cmi5).</summary>
internal sealed record PackageItem(
    string ModuleId,
    string ActivityIri,
    string Title,
    string Description,
    string Href,
    IReadOnlyList<string> Files,
    int PassMark,
    MoveOn MoveOn);

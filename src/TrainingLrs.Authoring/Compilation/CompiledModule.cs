using TrainingLrs.Authoring.Courses;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>A module as compiled: what the host needs to register it and report on it.</summary>
/// <param name="Id">Module id from front matter.</param>
/// <param name="Folder">Folder under <c>modules/</c>.</param>
/// <param name="ActivityIri">xAPI activity IRI shared by every language edition.</param>
/// <param name="Titles">Title per language.</param>
/// <param name="PassMark">Pass mark in percent.</param>
/// <param name="MoveOn">cmi5 moveOn.</param>
/// <param name="DurationMinutes">Expected duration.</param>
/// <param name="TranslatedLanguages">Languages with their own file (not falling back).</param>
public sealed record CompiledModule(
    string Id,
    string Folder,
    string ActivityIri,
    IReadOnlyDictionary<string, string> Titles,
    int PassMark,
    MoveOn MoveOn,
    int DurationMinutes,
    IReadOnlyList<string> TranslatedLanguages);

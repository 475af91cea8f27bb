using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// A lesson page once its module has been parsed, checked and rendered: what the course-wide checks, the
/// web writer and the packager read. It keeps no Markdown tree, so each module's trees can be collected
/// as soon as the module is done.
/// </summary>
/// <param name="Source">The file the page was made from.</param>
/// <param name="FrontMatter">The page's front matter; null when it was unusable (already reported).</param>
/// <param name="ContentLanguage">The language of the text (differs from the page's language for a fallback).</param>
/// <param name="PassMark">Percent needed to pass: the assessment's own, or the module's.</param>
/// <param name="HasAssessment">Whether the page has a final assessment.</param>
/// <param name="Questions">Every question of the page, knowledge checks first, then the assessment pool.</param>
/// <param name="Media">Media files the page uses, in URL order.</param>
/// <param name="Html">The rendered page in UTF-8; empty when nothing could be rendered.</param>
/// <param name="PackageEntry">The page compressed for the zips; null when no zip format is built.</param>
internal sealed record LessonPage(
    LessonSource Source,
    ModuleFrontMatter? FrontMatter,
    string ContentLanguage,
    int PassMark,
    bool HasAssessment,
    IReadOnlyList<QuestionKey> Questions,
    IReadOnlyList<MediaFile> Media,
    byte[] Html,
    CompressedEntry? PackageEntry)
{
    public string Id => FrontMatter?.Id ?? "";

    public string Language => Source.Language;

    public string Path => Source.RelativePath;

    /// <summary>Package-relative folder of the page: <c>module-id/lang</c>.</summary>
    public string PageFolder => PackageLayout.PageFolder(Id, Language);
}

/// <summary>What the edition checks compare of a question: its id, its line and which options are correct.</summary>
internal sealed record QuestionKey(string Id, int Line, IReadOnlyList<string> CorrectKeys);

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Markdown;
using TrainingLrs.Authoring.Markdown.Assessments;
using TrainingLrs.Authoring.Markdown.Objectives;
using TrainingLrs.Authoring.Markdown.Questions;
using TrainingLrs.Authoring.Markdown.Quizzes;
using TrainingLrs.Authoring.Markdown.Scenarios;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>A parsed module page (one module in one language) and what later stages add to it.</summary>
internal sealed class Lesson
{
    public Lesson(LessonSource source, MarkdownDocument document, ModuleFrontMatter? frontMatter)
    {
        Source = source;
        Document = document;
        FrontMatter = frontMatter;
        Blocks = [.. document.Descendants<LessonBlock>()];
        Assessment = Blocks.OfType<AssessmentBlock>().FirstOrDefault();
    }

    public LessonSource Source { get; }

    public MarkdownDocument Document { get; }

    public ModuleFrontMatter? FrontMatter { get; }

    public IReadOnlyList<LessonBlock> Blocks { get; }

    public AssessmentBlock? Assessment { get; }

    public string Id => FrontMatter?.Id ?? "";

    public string Language => Source.Language;

    /// <summary>The language of the text (differs from <see cref="Language"/> for a fallback).</summary>
    public string ContentLanguage { get; init; } = "en";

    public string Path => Source.RelativePath;

    /// <summary>Package-relative folder of the page: <c>module-id/lang</c>.</summary>
    public string PageFolder => PackageLayout.PageFolder(Id, Language);

    public int PassMark => Assessment?.PassMark ?? Source.Module.PassMark;

    public IEnumerable<QuizBlock> Quizzes => Blocks.OfType<QuizBlock>();

    public IEnumerable<ScenarioBlock> Scenarios => Blocks.OfType<ScenarioBlock>();

    /// <summary>Every question of the page: knowledge checks, then the assessment pool.</summary>
    public IEnumerable<Question> Questions => Quizzes.Select(q => q.Question).Concat(Assessment?.Questions ?? []);

    public IReadOnlyList<string> Objectives =>
        Blocks.OfType<ObjectivesBlock>().FirstOrDefault()?.Items ?? FrontMatter?.Objectives ?? [];

    /// <summary>Media files found by the lint, keyed by URL.</summary>
    public SortedDictionary<string, MediaFile> Media { get; } = new(StringComparer.Ordinal);

    /// <summary>Every link and image URL in the Markdown; these were checked with their line numbers.</summary>
    public HashSet<string> MarkdownUrls { get; } = new(StringComparer.Ordinal);

    /// <summary>Links to <c>#anchors</c>, checked against the rendered page.</summary>
    public List<LinkInline> AnchorLinks { get; } = [];

    /// <summary>The rendered page.</summary>
    public string Html { get; set; } = "";

    /// <summary>
    /// What later stages need of this page, without the Markdown tree. The page is kept as UTF-8, and
    /// compressed already when zips will be built: a third of the memory, which every garbage collection
    /// until the end of the compile would otherwise copy.
    /// </summary>
    public LessonPage ToPage(bool compress)
    {
        var html = Encoding.UTF8.GetBytes(Html);
        return new(
            Source,
            FrontMatter,
            ContentLanguage,
            PassMark,
            Assessment is not null,
            [.. Questions.Select(q => new QuestionKey(q.Id, q.Line, q.CorrectKeys))],
            [.. Media.Values],
            html,
            compress && html.Length > 0 ? CompressedEntry.Compress(html) : null);
    }
}

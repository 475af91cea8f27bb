using Markdig.Syntax;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;
using TrainingLrs.Authoring.Markdown.Assessments;
using TrainingLrs.Authoring.Markdown.Objectives;
using TrainingLrs.Authoring.Markdown.Questions;
using TrainingLrs.Authoring.Markdown.Quizzes;

namespace TrainingLrs.Authoring.Tests.Content;

/// <summary>One real module file under <c>content/modules</c>, parsed with the compiler's own pipeline.</summary>
internal sealed class ModuleFile
{
    private ModuleFile(string folder, string language, string path, string text)
    {
        Folder = folder;
        Language = language;
        Path = path;
        Text = text;
        Document = LessonMarkdown.Parse(text);
        FrontMatter = FrontMatterReader.Read(Document, path, new DiagnosticBag());
        Blocks = [.. Document.Descendants<LessonBlock>()];
    }

    public string Folder { get; }

    public string Language { get; }

    /// <summary>Path relative to the content folder, for messages.</summary>
    public string Path { get; }

    public string Text { get; }

    public MarkdownDocument Document { get; }

    public ModuleFrontMatter? FrontMatter { get; }

    public IReadOnlyList<LessonBlock> Blocks { get; }

    public AssessmentBlock? Assessment => Blocks.OfType<AssessmentBlock>().FirstOrDefault();

    public IReadOnlyList<string> Objectives => Blocks.OfType<ObjectivesBlock>().FirstOrDefault()?.Items ?? FrontMatter?.Objectives ?? [];

    /// <summary>Knowledge checks, then the assessment pool.</summary>
    public IEnumerable<Question> Questions =>
        Blocks.OfType<QuizBlock>().Select(q => q.Question).Concat(Assessment?.Questions ?? []);

    /// <summary>Every language edition of every module folder, in folder order.</summary>
    public static IReadOnlyList<ModuleFile> ReadAll(string contentDirectory)
    {
        var modules = System.IO.Path.Combine(contentDirectory, "modules");
        return [.. Directory.GetDirectories(modules).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal))
            .Select(file => new ModuleFile(
                System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file)!),
                System.IO.Path.GetFileNameWithoutExtension(file),
                System.IO.Path.GetRelativePath(contentDirectory, file).Replace('\\', '/'),
                File.ReadAllText(file)))];
    }
}

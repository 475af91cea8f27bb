using Markdig.Syntax;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Parses one module's files exactly once each: Markdown, front matter and lesson blocks.</summary>
internal static class ParseStage
{
    /// <summary>Parses a module's sources into lessons, in the sources' (language) order.</summary>
    public static List<Lesson> Parse(CompileContext context, IReadOnlyList<LessonSource> moduleSources)
    {
        // A fallback page shares its source file's document and front matter: later stages only read them.
        var parsed = new Dictionary<string, (MarkdownDocument Document, ModuleFrontMatter? FrontMatter)>(StringComparer.Ordinal);
        foreach (var source in moduleSources.Where(s => !s.IsFallback))
        {
            var document = LessonMarkdown.Parse(source.Text);
            parsed[source.RelativePath] = (document, FrontMatterReader.Read(document, source.RelativePath, context.Diagnostics));
        }

        var fallback = context.Course!.FallbackLanguage;
        var lessons = new List<Lesson>(moduleSources.Count);
        foreach (var source in moduleSources)
        {
            if (!parsed.TryGetValue(source.RelativePath, out var page))
            {
                // The fallback file's problems are reported where its own language page is.
                var document = LessonMarkdown.Parse(source.Text);
                page = parsed[source.RelativePath] = (document, FrontMatterReader.Read(document, source.RelativePath, new DiagnosticBag()));
            }

            var lesson = new Lesson(source, page.Document, page.FrontMatter) { ContentLanguage = source.IsFallback ? fallback : source.Language };

            // The pass mark lives in course.yml unless the assessment sets its own.
            if (lesson.Assessment is { PassMark: null } assessment)
            {
                assessment.PassMark = source.Module.PassMark;
            }

            lessons.Add(lesson);
        }

        return lessons;
    }
}

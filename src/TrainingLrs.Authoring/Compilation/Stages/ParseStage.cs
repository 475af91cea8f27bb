using System.Collections.Concurrent;
using Markdig.Syntax;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Parses every module file exactly once (Markdown, front matter and lesson blocks), in parallel.</summary>
internal static class ParseStage
{
    public static void Run(CompileContext context)
    {
        // A fallback page shares its source file's document and front matter: later stages only read them.
        var parsed = new ConcurrentDictionary<string, (MarkdownDocument Document, ModuleFrontMatter? FrontMatter)>(StringComparer.Ordinal);
        var files = context.Sources.Where(s => !s.IsFallback).ToList();
        Parallel.ForEach(files, context.Parallel, source =>
        {
            var document = LessonMarkdown.Parse(source.Text);
            parsed[source.RelativePath] = (document, FrontMatterReader.Read(document, source.RelativePath, context.Diagnostics));
        });

        var fallback = context.Course!.FallbackLanguage;
        foreach (var source in context.Sources)
        {
            var (document, frontMatter) = parsed.GetOrAdd(source.RelativePath, _ =>
            {
                var document = LessonMarkdown.Parse(source.Text);
                return (document, FrontMatterReader.Read(document, source.RelativePath, new DiagnosticBag()));
            });
            var lesson = new Lesson(source, document, frontMatter) { ContentLanguage = source.IsFallback ? fallback : source.Language };

            // The pass mark lives in course.yml unless the assessment sets its own.
            if (lesson.Assessment is { PassMark: null } assessment)
            {
                assessment.PassMark = source.Module.PassMark;
            }

            context.Lessons.Add(lesson);
        }
    }
}

using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;

namespace TrainingLrs.Authoring.Lint;

/// <summary>Checks one parsed lesson: block problems, heading order, links, images and media files.</summary>
internal static class LessonLint
{
    public const string MediaFolder = "media";

    private static readonly string[] BannedHtml = ["<script", "<iframe", "<object", "<embed", "<style"];

    public static void Check(Lesson lesson, DiagnosticBag diagnostics)
    {
        foreach (var block in lesson.Blocks)
        {
            foreach (var problem in block.Problems)
            {
                diagnostics.Error(lesson.Path, problem.Line, problem.Column, problem.Code, problem.Message);
            }
        }

        // One walk over blocks and inlines, in document order, serves every rule.
        var headingLevel = 1;
        foreach (var node in lesson.Document.Descendants())
        {
            switch (node)
            {
                case CustomContainer container:
                    CheckUnknownContainer(lesson, container, diagnostics);
                    break;
                case HtmlBlock block:
                    CheckRawHtml(lesson, block, block.Lines.ToString(), diagnostics);
                    break;
                case HtmlInline inline:
                    CheckRawHtml(lesson, inline, inline.Tag, diagnostics);
                    break;
                case HeadingBlock heading:
                    headingLevel = CheckHeading(lesson, heading, headingLevel, diagnostics);
                    break;
                case LinkInline link:
                    CheckLink(lesson, link, diagnostics);
                    break;
            }
        }

        CheckIds(lesson, diagnostics);
    }

    private static void CheckUnknownContainer(Lesson lesson, CustomContainer container, DiagnosticBag diagnostics)
    {
        // question and step containers are read by their assessment or scenario.
        var nested = container.Parent is LessonBlock && container.Info is "question" or "step";
        if (!nested)
        {
            diagnostics.Error(lesson.Path, container.Line + 1, container.Column + 1, DiagnosticCodes.MalformedBlock,
                $"Unknown block '::: {container.Info}'. Known blocks: quiz, assessment (with question), scenario (with step), legal, tip, warning, objectives, glossary.");
        }
    }

    private static void CheckRawHtml(Lesson lesson, MarkdownObject node, string text, DiagnosticBag diagnostics)
    {
        // Comments (fact ids) and simple markup are fine; active or embedded content is not: it
        // escapes the lint and can break the page inside an LMS frame.
        if (BannedHtml.FirstOrDefault(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            diagnostics.Error(lesson.Path, node.Line + 1, node.Column + 1, DiagnosticCodes.ExternalResource,
                $"Raw HTML '{found}>' is not allowed in lessons; use Markdown and the lesson blocks.");
        }
    }

    // Returns the heading's level, the previous level for the next heading.
    private static int CheckHeading(Lesson lesson, HeadingBlock heading, int previous, DiagnosticBag diagnostics)
    {
        // The template prints the module title as the only h1, so the body starts at h2.
        if (heading.Level == 1)
        {
            diagnostics.Error(lesson.Path, heading.Line + 1, heading.Column + 1, DiagnosticCodes.HeadingOrder,
                "Use '##' for sections: the module title is the page's only level-1 heading.");
        }
        else if (heading.Level > previous + 1)
        {
            diagnostics.Error(lesson.Path, heading.Line + 1, heading.Column + 1, DiagnosticCodes.HeadingOrder,
                $"Heading jumps from level {previous} to level {heading.Level}; use level {previous + 1}.");
        }

        return heading.Level;
    }

    private static void CheckIds(Lesson lesson, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, line) in lesson.Questions.Select(q => (q.Id, q.Line))
            .Concat(lesson.Blocks.Where(b => b.BlockId.Length > 0 && b is not Markdown.Quizzes.QuizBlock).Select(b => (b.BlockId, b.Line + 1)))
            .Where(x => x.Item1.Length > 0)
            .OrderBy(x => x.Item2))
        {
            if (!seen.Add(id))
            {
                diagnostics.Error(lesson.Path, line, 1, DiagnosticCodes.DuplicateId, $"Id '{id}' is used twice in this module; question and block ids must be unique.");
            }
        }
    }

    private static void CheckLink(Lesson lesson, LinkInline link, DiagnosticBag diagnostics)
    {
        var line = link.Line + 1;
        var column = link.Column + 1;
        var url = link.Url ?? "";
        lock (lesson.MarkdownUrls)
        {
            lesson.MarkdownUrls.Add(url);
        }

        var what = link.IsImage ? "Image" : "Link";
        if (link.IsImage && PlainText.Of(link).Length == 0)
        {
            diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.ImageWithoutAlt,
                $"Image '{url}' has no alternative text: describe it inside the brackets, as in ![Night shift crew](media/crew.jpg).");
        }

        if (url.Length == 0)
        {
            diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.BrokenLink, $"{what} has no target.");
            return;
        }

        if (url.StartsWith('#'))
        {
            lesson.AnchorLinks.Add(link);
            return;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !url.StartsWith('/'))
        {
            // tel: and sms: let a worker on a phone call or text a hotline with one tap.
            if (link.IsImage || absolute.Scheme is not ("https" or "http" or "mailto" or "tel" or "sms"))
            {
                diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.ExternalResource,
                    $"{what} '{url}' is not allowed: lessons must be self-contained, so put the file in {MediaFolder}/ and link to it there.");
            }

            return;
        }

        CheckMediaPath(lesson, url, what, line, column, diagnostics);
    }

    private static void CheckMediaPath(Lesson lesson, string url, string what, int line, int column, DiagnosticBag diagnostics)
    {
        var path = Uri.UnescapeDataString(url.Split('#', '?')[0]).Replace('\\', '/');
        var mediaRoot = Path.GetFullPath(Path.Combine(lesson.Source.ModuleDirectory, MediaFolder));
        var full = Path.GetFullPath(Path.Combine(lesson.Source.ModuleDirectory, path));
        if (path.StartsWith('/') || path.Split('/').Contains("..") || !full.StartsWith(mediaRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var traversal = path.Contains("..") || path.StartsWith('/');
            diagnostics.Error(lesson.Path, line, column, traversal ? DiagnosticCodes.PathTraversal : DiagnosticCodes.BrokenLink, traversal
                ? $"Refused {what.ToLowerInvariant()} path '{url}': it leaves the module's {MediaFolder}/ folder."
                : $"{what} '{url}' must point to a file in this module's {MediaFolder}/ folder or to a #section; links to other modules break inside single-module packages.");
            return;
        }

        if (!File.Exists(full))
        {
            diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.MissingMedia, $"Media file '{path}' does not exist in {lesson.Source.Module.Folder}/.");
            return;
        }

        lock (lesson.Media)
        {
            lesson.Media[path] = new MediaFile(path, full);
        }
    }
}

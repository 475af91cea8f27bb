using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Lint;

/// <summary>
/// Checks a rendered page with AngleSharp: unique ids, anchors that exist, alt text on raw-HTML images,
/// and that every local reference (script, style, image, link) is a file the package will contain.
/// </summary>
internal static class HtmlLint
{
    private static readonly Uri PackageBase = new("https://package.invalid/");

    // A parser owns a browsing context that is costly to build, so parsers are pooled and reused
    // (a ThreadLocal would build one per thread-pool thread, and pools grow under load).
    private static readonly ConcurrentBag<HtmlParser> Parsers = [];

    public static void Check(Lesson lesson, ISet<string> packageFiles, DiagnosticBag diagnostics)
    {
        var parser = Parsers.TryTake(out var pooled) ? pooled : new HtmlParser(new HtmlParserOptions { SkipComments = true });
        var document = parser.ParseDocument(lesson.Html);
        Parsers.Add(parser);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var modelDuplicates = lesson.Questions.Select(q => q.Id).Concat(lesson.Blocks.Where(b => b is not Markdown.Quizzes.QuizBlock).Select(b => b.BlockId))
            .Where(id => id.Length > 0).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            var id = element.Id!;

            // Ids made from a block id the model lint already reported as duplicate are not reported again.
            if (!ids.Add(id) && reported.Add(id) && !modelDuplicates.Any(d => id == d || id.StartsWith(d + "-", StringComparison.Ordinal)))
            {
                diagnostics.Error(lesson.Path, LineOf(lesson, "#" + element.Id), 1, DiagnosticCodes.DuplicateId,
                    $"The page has two elements with id '{element.Id}' (a heading and a block, or two blocks); rename one.");
            }
        }

        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            var target = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            if (target.Length > 0 && !ids.Contains(target))
            {
                var ast = lesson.AnchorLinks.FirstOrDefault(l => l.Url == "#" + target);
                diagnostics.Error(lesson.Path, ast is null ? 1 : ast.Line + 1, ast is null ? 1 : ast.Column + 1, DiagnosticCodes.BrokenLink,
                    $"Link to '#{target}' points to no heading or block on this page.");
            }
        }

        // Labels and landmarks must point at elements that exist, or screen readers announce nothing.
        foreach (var element in document.QuerySelectorAll("label[for], [aria-labelledby]"))
        {
            var target = element.GetAttribute("for") ?? element.GetAttribute("aria-labelledby")!;
            if (!ids.Contains(target))
            {
                diagnostics.Error(lesson.Path, 1, 1, DiagnosticCodes.BrokenLink, $"A <{element.LocalName}> refers to id '{target}', which is not on the page.");
            }
        }

        foreach (var image in document.QuerySelectorAll("img:not([alt])"))
        {
            diagnostics.Error(lesson.Path, 1, 1, DiagnosticCodes.ImageWithoutAlt, $"Image '{image.GetAttribute("src")}' has no alt attribute.");
        }

        var page = new Uri(PackageBase, lesson.PageFolder + "/index.html");
        foreach (var element in document.QuerySelectorAll("[src], link[href], a[href]"))
        {
            var isLink = element.LocalName == "a";
            var url = element.GetAttribute(element.HasAttribute("src") ? "src" : "href")!;
            if (url.StartsWith('#') || lesson.MarkdownUrls.Contains(url))
            {
                continue;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/'))
            {
                if (!isLink)
                {
                    diagnostics.Error(lesson.Path, 1, 1, DiagnosticCodes.ExternalResource,
                        $"The page loads '{url}' from outside the package; lessons must be self-contained.");
                }

                continue;
            }

            var resolved = new Uri(page, url);
            var path = Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
            if (resolved.Host != PackageBase.Host || !packageFiles.Contains(path))
            {
                // Markdown links were already checked with their line; this catches template and raw-HTML references.
                diagnostics.Error(lesson.Path, 1, 1, DiagnosticCodes.BrokenLink, $"The page refers to '{url}', which is not in the package.");
            }
        }
    }

    private static int LineOf(Lesson lesson, string anchor) =>
        lesson.AnchorLinks.FirstOrDefault(l => l.Url == anchor) is { } l ? l.Line + 1 : 1;
}

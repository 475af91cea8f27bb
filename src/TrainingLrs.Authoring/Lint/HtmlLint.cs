using System.Text.RegularExpressions;
using AngleSharp.Common;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Lint;

/// <summary>
/// Checks a rendered page with AngleSharp: unique ids, anchors that exist, alt text on raw-HTML images,
/// and that every local reference (script, style, image, link) is a file the package will contain.
/// </summary>
/// <remarks>
/// Every check reads only start tags and their attributes, so the page goes through AngleSharp's
/// tokenizer, reading the string in place, and no DOM is built: about a quarter of the cost of the full
/// parse this replaced, with the same attribute decoding. The tokenizer is switched to the text modes
/// the tree builder would switch it to, so the content of script, style, title and the like is never
/// taken for markup.
/// </remarks>
internal static class HtmlLint
{
    private static readonly Uri PackageBase = new("https://package.invalid/");

    private static readonly string[] CheckedAttributes = ["id", "href", "src", "for", "aria-labelledby", "alt"];

    public static void Check(Lesson lesson, ISet<string> packageFiles, DiagnosticBag diagnostics)
    {
        var tags = StartTags(lesson.Html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var modelDuplicates = lesson.Questions.Select(q => q.Id).Concat(lesson.Blocks.Where(b => b is not Markdown.Quizzes.QuizBlock).Select(b => b.BlockId))
            .Where(id => id.Length > 0).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var element in tags.Where(t => t.Has("id")))
        {
            var id = element.Get("id")!;

            // Ids made from a block id the model lint already reported as duplicate are not reported again.
            if (!ids.Add(id) && reported.Add(id) && !modelDuplicates.Any(d => id == d || id.StartsWith(d + "-", StringComparison.Ordinal)))
            {
                var (line, column) = Locate(lesson, "id", id, last: true) ?? (LineOf(lesson, "#" + id), 1);
                diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.DuplicateId,
                    $"The page has two elements with id '{id}' (a heading and a block, or two blocks); rename one.");
            }
        }

        foreach (var link in tags.Where(t => t.Name == "a" && t.Get("href") is ['#', ..]))
        {
            var target = Uri.UnescapeDataString(link.Get("href")![1..]);
            if (target.Length > 0 && !ids.Contains(target))
            {
                var ast = lesson.AnchorLinks.FirstOrDefault(l => l.Url == "#" + target);
                var (line, column) = ast is null ? Locate(lesson, "href", link.Get("href")!) ?? (1, 1) : (ast.Line + 1, ast.Column + 1);
                diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.BrokenLink,
                    $"Link to '#{target}' points to no heading or block on this page.");
            }
        }

        // Labels and landmarks must point at elements that exist, or screen readers announce nothing.
        foreach (var element in tags.Where(t => (t.Name == "label" && t.Has("for")) || t.Has("aria-labelledby")))
        {
            var attribute = element.Has("for") ? "for" : "aria-labelledby";
            var target = element.Get(attribute)!;
            if (!ids.Contains(target))
            {
                var (line, column) = Locate(lesson, attribute, target) ?? (1, 1);
                diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.BrokenLink, $"A <{element.Name}> refers to id '{target}', which is not on the page.");
            }
        }

        foreach (var image in tags.Where(t => t.Name == "img" && !t.Has("alt")))
        {
            var (line, column) = image.Get("src") is { } src ? Locate(lesson, "src", src) ?? (1, 1) : (1, 1);
            diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.ImageWithoutAlt, $"Image '{image.Get("src")}' has no alt attribute.");
        }

        var page = new Uri(PackageBase, lesson.PageFolder + "/index.html");
        foreach (var element in tags.Where(t => t.Has("src") || (t.Name is "link" or "a" && t.Has("href"))))
        {
            var isLink = element.Name == "a";
            var attribute = element.Has("src") ? "src" : "href";
            var url = element.Get(attribute)!;
            if (url.StartsWith('#') || lesson.MarkdownUrls.Contains(url))
            {
                continue;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/'))
            {
                if (!isLink)
                {
                    var (line, column) = Locate(lesson, attribute, url) ?? (1, 1);
                    diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.ExternalResource,
                        $"The page loads '{url}' from outside the package; lessons must be self-contained.");
                }

                continue;
            }

            var resolved = new Uri(page, url);
            var path = Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
            if (resolved.Host != PackageBase.Host || !packageFiles.Contains(path))
            {
                // Markdown links were already checked with their line; this catches template and raw-HTML references.
                var (line, column) = Locate(lesson, attribute, url) ?? (1, 1);
                diagnostics.Error(lesson.Path, line, column, DiagnosticCodes.BrokenLink, $"The page refers to '{url}', which is not in the package.");
            }
        }
    }

    // The start tags the checks look at (every img, and any tag with one of these attributes), with just those attributes.
    private static List<StartTag> StartTags(string html)
    {
        var tags = new List<StartTag>();
        // A memory-backed source reads the string directly; TextSource(string) goes through a StringBuilder
        // and tokenizes about four times slower.
        // Disposing returns the tokenizer's pooled buffers for the next page.
        using var source = new TextSource(new ReadOnlyMemoryTextSource(html.AsMemory()));
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipComments = true,
            SkipDataText = true,
            SkipScriptText = true,
            SkipRawText = true,
            SkipRCDataText = true,
            SkipPlaintext = true,
            SkipCDATA = true,
            SkipProcessingInstructions = true,
        };
        for (var token = tokenizer.GetStructToken(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.GetStructToken())
        {
            if (token.Type != HtmlTokenType.StartTag)
            {
                continue;
            }

            // The struct token's text is reused for the next token, so what is kept is copied out now.
            List<(string Name, string Value)>? attributes = null;
            for (var i = 0; i < token.Attributes.Count; i++)
            {
                var attribute = token.Attributes[i];
                if (Checked(attribute.Name) is { } name)
                {
                    (attributes ??= []).Add((name, attribute.Value.ToString()));
                }
            }

            if (attributes is not null || token.Name == "img")
            {
                tags.Add(new StartTag(token.Name.ToString(), attributes ?? []));
            }

            tokenizer.State = TextModeAfter(token.Name) ?? tokenizer.State;
        }

        return tags;
    }

    // The tokenizer state the HTML tree builder switches to after these start tags.
    private static HtmlParseMode? TextModeAfter(StringOrMemory tag) =>
        tag == "script" ? HtmlParseMode.Script
        : tag == "style" || tag == "xmp" || tag == "iframe" || tag == "noembed" || tag == "noframes" ? HtmlParseMode.Rawtext
        : tag == "title" || tag == "textarea" ? HtmlParseMode.RCData
        : tag == "plaintext" ? HtmlParseMode.Plaintext
        : null;

    private static string? Checked(StringOrMemory attribute)
    {
        foreach (var name in CheckedAttributes)
        {
            if (attribute == name)
            {
                return name;
            }
        }

        return null;
    }

    // Where raw HTML in the Markdown file sets this attribute to this value, so the author is sent to the
    // line; markup that comes from the theme (or a value written with character references) is not in the
    // file: null. The last match is the second of two duplicate ids.
    private static (int Line, int Column)? Locate(Lesson lesson, string attribute, string value, bool last = false)
    {
        var pattern = new Regex($@"(?<![\w-]){Regex.Escape(attribute)}\s*=\s*[""']?{Regex.Escape(value)}(?=[""'\s>/]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var matches = pattern.Matches(lesson.Source.Text);
        if (matches.Count == 0)
        {
            return null;
        }

        var index = (last ? matches[^1] : matches[0]).Index;
        var text = lesson.Source.Text.AsSpan(0, index);
        var lineStart = text.LastIndexOf('\n') + 1;
        return (text.Count('\n') + 1, index - lineStart + 1);
    }

    private static int LineOf(Lesson lesson, string anchor) =>
        lesson.AnchorLinks.FirstOrDefault(l => l.Url == anchor) is { } l ? l.Line + 1 : 1;

    /// <summary>An element's start tag: lower-case name and attributes, first one wins as in the DOM.</summary>
    private sealed record StartTag(string Name, IReadOnlyList<(string Name, string Value)> Attributes)
    {
        public bool Has(string name) => Get(name) is not null;

        public string? Get(string name)
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Name == name)
                {
                    return attribute.Value;
                }
            }

            return null;
        }
    }
}

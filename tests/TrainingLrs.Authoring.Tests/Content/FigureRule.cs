using System.Text.RegularExpressions;

namespace TrainingLrs.Authoring.Tests.Content;

/// <summary>
/// The sourcing rule for learner-facing figures, applied to a module's Markdown source.
/// </summary>
/// <remarks>
/// <para>The text is cut into <em>units</em>: a paragraph (a run of non-blank lines, so a fact comment
/// written on the line above a paragraph, list or table belongs to it), or a whole <c>quiz</c>,
/// <c>question</c> or <c>glossary</c> block (its fact comment may sit anywhere inside it).
/// Front matter and <c>scenario</c> blocks are skipped: scenarios are fictional stories, and their
/// numbers (crew sizes, a made-up fee) are not facts. Any other paragraph whose numbers are
/// invented for an example is marked <c>&lt;!-- fictional --&gt;</c>.</para>
/// <para>In each unit, after removing HTML comments, link targets and numbers that are not figures
/// (years, fiscal years, phone numbers, list markers, legal citations such as <c>18 U.S.C. 1589</c>,
/// <c>HO 10</c>, <c>Section 307</c>, <c>Principle 3</c>, bill numbers, module references):</para>
/// <list type="number">
/// <item>any remaining digit (an age, an hour limit, a count, an amount) needs a fact id
/// (<c>&lt;!-- F-30 --&gt;</c>) in the unit;</item>
/// <item>a statistic (a <c>$</c> amount, a <c>%</c>, a number with thousands separators or "million",
/// or a number directly followed by a counted noun such as "children") also needs a year in the
/// unit's visible text (<c>2023</c>, <c>FY2023</c>, <c>AF2023</c>).</item>
/// </list>
/// </remarks>
internal static partial class FigureRule
{
    private static readonly Regex[] NotFigures =
    [
        FiscalYear(), Year(), Phone(), ListMarker(), UsCode(), Cfr(), SectionSign(), NamedNumber(), Module(),
    ];

    /// <summary>A problem: the unit's first line (1-based) and what is missing.</summary>
    public sealed record Problem(int Line, string Message);

    public static IEnumerable<Problem> Check(string markdown)
    {
        foreach (var (line, text) in Units(markdown))
        {
            var factIds = FactId().Matches(string.Concat(Comment().Matches(text).Select(m => m.Value)));
            if (text.Contains("<!-- fictional -->", StringComparison.Ordinal))
            {
                continue;
            }

            var visible = LinkTarget().Replace(Comment().Replace(text, " "), "]");
            var stripped = NotFigures.Aggregate(visible, (current, regex) => regex.Replace(current, " "));
            var excerpt = Excerpt(visible);
            if (stripped.Any(char.IsAsciiDigit) && factIds.Count == 0)
            {
                yield return new Problem(line, $"a number without a fact id (add <!-- F-xx --> to the paragraph or block): \"{excerpt}\"");
            }

            if (Statistic().IsMatch(stripped) && !FiscalYear().IsMatch(visible) && !Year().IsMatch(visible))
            {
                yield return new Problem(line, $"a figure without its year (write the year or FY next to it): \"{excerpt}\"");
            }
        }
    }

    /// <summary>Cuts the file into units: (first line, text).</summary>
    private static IEnumerable<(int Line, string Text)> Units(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = SkipFrontMatter(lines);
        var open = new Stack<string>();
        var unit = new List<string>();
        var unitLine = 0;
        var blockUnit = false;

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var fence = Fence().Match(line);
            if (fence.Success)
            {
                var name = fence.Groups[2].Value;
                if (name.Length > 0)
                {
                    if (!blockUnit && unit.Count > 0)
                    {
                        yield return (unitLine, string.Join('\n', unit));
                        unit.Clear();
                    }

                    open.Push(name);
                    if (name is "quiz" or "question" or "glossary" && !open.Contains("scenario"))
                    {
                        blockUnit = true;
                        unitLine = i + 1;
                    }
                }
                else if (open.Count > 0)
                {
                    var closed = open.Pop();
                    if (closed is "quiz" or "question" or "glossary" || !blockUnit)
                    {
                        if (unit.Count > 0)
                        {
                            yield return (unitLine, string.Join('\n', unit));
                        }

                        unit.Clear();
                        blockUnit = false;
                    }
                }

                continue;
            }

            if (open.Contains("scenario"))
            {
                continue;
            }

            if (!blockUnit && line.Trim().Length == 0)
            {
                if (unit.Count > 0)
                {
                    yield return (unitLine, string.Join('\n', unit));
                }

                unit.Clear();
                continue;
            }

            if (unit.Count == 0 && !blockUnit)
            {
                unitLine = i + 1;
            }

            unit.Add(line);
        }

        if (unit.Count > 0)
        {
            yield return (unitLine, string.Join('\n', unit));
        }
    }

    private static int SkipFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return 0;
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        return end < 0 ? lines.Length : end + 1;
    }

    private static string Excerpt(string text)
    {
        var flat = WhiteSpace().Replace(text, " ").Trim();
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }

    [GeneratedRegex(@"^\s*(:{3,})\s*([a-z]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bF-\d+\b")]
    private static partial Regex FactId();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"\b(FY|AF)\s?\d{4}\b")]
    private static partial Regex FiscalYear();

    [GeneratedRegex(@"\b(1[89]|20)\d{2}s?\b")]
    private static partial Regex Year();

    // Phone and text numbers: 1-888-373-7888, 1-866-4US-WAGE, 233733, TTY 711, 911.
    [GeneratedRegex(@"\b1-\d{3}-[0-9A-Z]{3}-[0-9A-Z]{4}\b|\b233733\b|\bTTY 711\b|\b911\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\s*(\d+[.)]|[-*]\s+\[[ x]\])\s", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\b\d+\s+U\.\s?S\.\s?C\.\s*§*\s*\d+[a-z]?(\(\w+\))*")]
    private static partial Regex UsCode();

    [GeneratedRegex(@"\b\d+\s+CFR\s+(Part\s+|parte\s+)?\d+(\.\d+)?")]
    private static partial Regex Cfr();

    [GeneratedRegex(@"§+\s*\d+\w*(\(\w+\))*")]
    private static partial Regex SectionSign();

    // Names that contain a number: HO 10 (and lists such as HOs 5, 8 and 10), Section 307,
    // Principle 31, C29, No. 29, Article 2, bill numbers, Form I-9, Fact Sheet #16, FAB 2023-3, IRIS v1.2.
    [GeneratedRegex(@"\b(HOs?|Sections?|secci[oó]n(es)?|Principles?|Principios?|Principio Rector|UNGP|Article|Art\.|art[ií]culo|Steps?|Paso|No\.|n\.º|n[uú]m\.|Fact Sheet|FAB|SF|HB|SB|P\.L\.)\s*#?\s*\d+([-–.]\d+)*(\s*(,|and|y|or|o|to|a|–)\s*\d+)*\b|\bC\s?\d{2,3}\b|\bI-9\b|\bv\d+(\.\d+)+\b|\bHB\d+-\d+\b|#\d+", RegexOptions.IgnoreCase)]
    private static partial Regex NamedNumber();

    [GeneratedRegex(@"\b(Modules?|m[oó]dulos?)\s+\d+(\s*(,|and|y|or|o|to|a|–|-)\s*\d+)*", RegexOptions.IgnoreCase)]
    private static partial Regex Module();

    [GeneratedRegex(@"\$\s?\d|\d\s?%|\b\d{1,3}([.,]\d{3})+\b|\b\d+([.,]\d+)?\s*(million|millones|billion|M)\b|\b\d+\s+(children|minors|kids|investigations|plants|states|companies|member companies|partners|workers|people|niños|menores|investigaciones|plantas|estados|empresas|socios|trabajadores|personas)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Statistic();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

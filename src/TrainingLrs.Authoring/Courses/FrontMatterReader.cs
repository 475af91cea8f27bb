using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Courses;

/// <summary>Reads and checks a lesson's YAML front matter from the Markdig document.</summary>
internal static partial class FrontMatterReader
{
    public static ModuleFrontMatter? Read(MarkdownDocument document, string path, DiagnosticBag diagnostics)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.InvalidSetting, "The file must start with YAML front matter between '---' lines (id, title, duration…).");
            return null;
        }

        // Block.Line is the '---' line (0-based); the YAML starts one line below it.
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        var map = YamlDocuments.LoadMap(yaml, path, block.Line + 1, diagnostics);
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true) ?? "";
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            map.Error(map.Node("id")!, $"Module id '{id}' must start with a letter and use only lowercase letters, digits and dashes.");
        }

        var title = map.String("title", required: true) ?? "";
        var description = map.String("description") ?? "";
        var duration = map.Int("duration") ?? 0;
        var objectives = map.StringList("objectives");
        var version = map.String("version") ?? "1.0";
        map.ReportUnknownKeys("front matter (known keys: id, title, description, duration, objectives, version)");
        return new ModuleFrontMatter
        {
            Id = id,
            Title = title,
            Description = description,
            DurationMinutes = duration,
            Objectives = objectives,
            Version = version,
            Line = map.Node("id") is { } n ? map.LineOf(n) : map.Line,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}

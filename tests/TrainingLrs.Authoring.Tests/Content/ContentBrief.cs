using System.Text.RegularExpressions;

namespace TrainingLrs.Authoring.Tests.Content;

/// <summary>
/// The verified fact base the course is written from (<c>../shared/CONTENT-BRIEF.md</c> next to the
/// repository): every fact id in its fact tables with its status (V1, V2, P or U).
/// </summary>
internal sealed partial class ContentBrief
{
    private ContentBrief(string path, IReadOnlyDictionary<string, string> statuses)
    {
        Path = path;
        Statuses = statuses;
    }

    /// <summary>Where the brief was read from.</summary>
    public string Path { get; }

    /// <summary>Status cell per fact id, for example <c>F-30 → V1</c>.</summary>
    public IReadOnlyDictionary<string, string> Statuses { get; }

    /// <summary>Reads the brief, or explains where it should be when it is missing.</summary>
    public static ContentBrief Load(string repositoryRoot)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(repositoryRoot, "..", "shared", "CONTENT-BRIEF.md"));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The content fact brief was not found at {path}. The content tests check every fact id (F-xx) in content/ " +
                "against it, so it must sit in ../shared/ next to the repository root (the folder holding TrainingLrs.sln).", path);
        }

        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var row = FactRow().Match(line);
            if (row.Success)
            {
                // The status is the last cell of a fact-table row.
                var cells = line.Trim().Trim('|').Split('|');
                statuses[row.Groups[1].Value] = cells[^1].Trim();
            }
        }

        if (statuses.Count == 0)
        {
            throw new InvalidDataException($"No fact rows ('| F-xx | ... | status |') found in {path}.");
        }

        return new ContentBrief(path, statuses);
    }

    /// <summary>True when the status says the fact is not verified (U), which must never be stated as fact.</summary>
    public static bool IsUnverified(string status) => UnverifiedStatus().IsMatch(status);

    [GeneratedRegex(@"^\|\s*(F-\d+)\s*\|")]
    private static partial Regex FactRow();

    [GeneratedRegex(@"(^|[\s/(])U($|[\s/),])")]
    private static partial Regex UnverifiedStatus();
}

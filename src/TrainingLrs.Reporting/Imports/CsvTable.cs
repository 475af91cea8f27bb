using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrainingLrs.Reporting.Imports;

/// <summary>
/// Reads a CSV file with a header row into rows keyed by lower-case column name, with the line each
/// row started on, reporting unknown and missing columns and malformed quoting as problems.
/// </summary>
internal static class CsvTable
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Values)
    {
        public string? Get(string column) => Values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
    }

    public static IReadOnlyList<Row> Read(
        TextReader reader, string file, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => problems.Add(new ImportProblem(file, args.Context.Parser?.RawRow ?? 0, null, "malformed quoting in this row")),
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            problems.Add(new ImportProblem(file, 1, null, $"the file is empty; the first line must be the header: {string.Join(",", required.Concat(optional))}"));
            return rows;
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var column in columns.Where(c => !required.Contains(c) && !optional.Contains(c)))
        {
            problems.Add(new ImportProblem(file, 1, column, $"unknown column (known: {string.Join(", ", required.Concat(optional))})"));
        }
        foreach (var column in required.Where(r => !columns.Contains(r)))
        {
            problems.Add(new ImportProblem(file, 1, column, "required column is missing"));
        }
        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(file, 1, duplicate.Key, "column appears twice"));
        }
        if (problems.Count > 0)
        {
            return rows;
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length > columns.Length)
            {
                problems.Add(new ImportProblem(file, line, null, $"{record.Length} fields but the header has {columns.Length}"));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                values[columns[i]] = i < record.Length ? record[i].Trim() : "";
            }
            rows.Add(new Row(line, values));
        }
        return rows;
    }
}

using System.Net.Mail;
using System.Text.RegularExpressions;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reporting.Imports;

/// <summary>
/// Imports members and partners from CSV: an idempotent upsert by id. Every bad row is reported with
/// its line number, and a file with any problem changes nothing.
/// </summary>
public sealed partial class OrganisationImporter(IOrganisationStore store)
{
    /// <summary>Columns of a members file.</summary>
    public static IReadOnlyList<string> MemberColumns { get; } = ["id", "name"];

    /// <summary>Required columns of a partners file.</summary>
    public static IReadOnlyList<string> PartnerColumns { get; } = ["id", "name", "type", "state", "members"];

    /// <summary>Optional columns of a partners file.</summary>
    public static IReadOnlyList<string> PartnerOptionalColumns { get; } = ["lms_home_page", "contact_name", "contact_email", "contact_phone"];

    /// <summary>Imports <c>id,name</c> rows.</summary>
    public ImportResult ImportMembers(TextReader reader, string file)
    {
        var problems = new List<ImportProblem>();
        var rows = CsvTable.Read(reader, file, MemberColumns, [], problems);
        var members = new List<Member>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = CheckId(row, file, seen, problems);
            var name = Require(row, "name", file, problems);
            if (id is not null && name is not null)
            {
                members.Add(new Member(id, name));
            }
        }

        return problems.Count > 0 ? new ImportResult(problems, null) : new ImportResult([], store.UpsertMembers(members));
    }

    /// <summary>
    /// Imports partner rows: <c>id,name,type,state,members[,lms_home_page,contact_name,contact_email,contact_phone]</c>,
    /// with <c>members</c> a semicolon-separated list of known member ids.
    /// </summary>
    public ImportResult ImportPartners(TextReader reader, string file)
    {
        var problems = new List<ImportProblem>();
        var rows = CsvTable.Read(reader, file, PartnerColumns, PartnerOptionalColumns, problems);
        var knownMembers = store.Members().Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var partners = new List<Partner>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var id = CheckId(row, file, seen, problems);
            var name = Require(row, "name", file, problems);

            var type = PartnerType.CoPacker;
            if (Require(row, "type", file, problems) is { } typeText && !PartnerTypes.TryParse(typeText, out type))
            {
                problems.Add(new(file, row.Line, "type", $"'{typeText}' is not one of {string.Join(", ", PartnerTypes.CanonicalNames)}"));
            }

            var state = Require(row, "state", file, problems)?.ToUpperInvariant();
            if (state is not null && !UsStates.IsValid(state))
            {
                problems.Add(new(file, row.Line, "state", $"'{state}' is not a US state or territory code such as OH or TX"));
            }

            var memberIds = (row.Get("members") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (memberIds.Length == 0)
            {
                problems.Add(new(file, row.Line, "members", "at least one member id is required (separate several with ';')"));
            }
            foreach (var unknown in memberIds.Where(m => !knownMembers.Contains(m)))
            {
                problems.Add(new(file, row.Line, "members", $"member '{unknown}' is not known (import members first)"));
            }

            var homePage = row.Get("lms_home_page");
            if (homePage is not null && !(Uri.TryCreate(homePage, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                problems.Add(new(file, row.Line, "lms_home_page", $"'{homePage}' is not an absolute http(s) URL"));
            }

            var email = row.Get("contact_email");
            if (email is not null && !MailAddress.TryCreate(email, out _))
            {
                problems.Add(new(file, row.Line, "contact_email", $"'{email}' is not an e-mail address"));
            }

            if (problems.Count == before)
            {
                partners.Add(new Partner(id!, name!, type, state!, homePage, memberIds, new PartnerContact(row.Get("contact_name"), email, row.Get("contact_phone"))));
            }
        }

        return problems.Count > 0 ? new ImportResult(problems, null) : new ImportResult([], store.UpsertPartners(partners));
    }

    private static string? CheckId(CsvTable.Row row, string file, Dictionary<string, int> seen, List<ImportProblem> problems)
    {
        var id = Require(row, "id", file, problems);
        if (id is null)
        {
            return null;
        }
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new(file, row.Line, "id", $"'{id}' must be 1-64 lower-case letters, digits and dashes, starting with a letter or digit"));
            return null;
        }
        if (seen.TryGetValue(id, out var firstLine))
        {
            problems.Add(new(file, row.Line, "id", $"'{id}' already appears on line {firstLine}"));
            return null;
        }
        seen[id] = row.Line;
        return id;
    }

    private static string? Require(CsvTable.Row row, string column, string file, List<ImportProblem> problems)
    {
        var value = row.Get(column);
        if (value is null)
        {
            problems.Add(new(file, row.Line, column, "a value is required"));
        }
        return value;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

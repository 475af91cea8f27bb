using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Imports;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Admin;

/// <summary>
/// Webinar attendance into the LRS: the attendee export becomes xAPI <c>attended</c> statements, stored
/// for each attendee's partner, which the completion projection credits to the modules course.yml maps
/// to the webinar. Shared by <c>import attendance</c> and <c>POST /admin/import/attendance</c>.
/// </summary>
public sealed class AttendanceImport(StatementIngest ingest, IOrganisationStore organisations, ModuleCatalog catalog)
{
    /// <summary>What an import did.</summary>
    /// <param name="Problems">Every problem; when not empty nothing was stored.</param>
    /// <param name="Statements">Attended statements in the file (one per attendee and webinar).</param>
    public sealed record Outcome(IReadOnlyList<ImportProblem> Problems, int Statements);

    /// <summary>Reads, checks and stores the file; stores nothing when any row or statement is wrong.</summary>
    public async Task<Outcome> ImportAsync(TextReader reader, string file, string? defaultPartner, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var partners = organisations.Partners().Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var (statements, problems) = new AttendanceImporter(catalog.WebinarIris, partners).Read(reader, file, defaultPartner, timeZone);
        if (problems.Count > 0)
        {
            return new Outcome(problems, 0);
        }

        // An id already stored with other content (a re-import after the export changed) would fail
        // half-way; find it before anything is written.
        var conflicts = statements
            .Where(s => ingest.FindActive(s.Id) is { } stored && !SameAttendance(stored.Json, s.Json))
            .Select(s => new ImportProblem(file, 0, null, $"attendance {s.Id} was imported before with different details; void the old statement first"))
            .ToArray();
        if (conflicts.Length > 0)
        {
            return new Outcome(conflicts, 0);
        }

        foreach (var group in statements.GroupBy(s => s.PartnerId))
        {
            var author = new Credential("webinar-attendance-import", "webinar attendance import", [Scopes.StatementsWrite], group.Key, null, DateTimeOffset.UtcNow, null);
            await ingest.StoreAsync([.. group.Select(s => s.Json)], author, cancellationToken);
        }
        return new Outcome([], statements.Count);
    }

    // Stored statements carry what the LRS added (stored, authority, version); compare what the file said.
    private static bool SameAttendance(string storedJson, string importedJson)
    {
        var stored = System.Text.Json.Nodes.JsonNode.Parse(storedJson)!.AsObject();
        var imported = System.Text.Json.Nodes.JsonNode.Parse(importedJson)!.AsObject();
        foreach (var key in new[] { "stored", "authority", "version" })
        {
            stored.Remove(key);
        }
        return System.Text.Json.Nodes.JsonNode.DeepEquals(stored, imported);
    }
}

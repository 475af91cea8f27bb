using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Reporting.Imports;

/// <summary>An <c>attended</c> statement made from a webinar attendee export, with the partner it counts for.</summary>
/// <param name="Id">Statement id, derived from webinar, e-mail and first join time so a re-import is idempotent.</param>
/// <param name="Json">The statement.</param>
/// <param name="PartnerId">The partner the attendee belongs to.</param>
public sealed record AttendanceStatement(string Id, string Json, string PartnerId);

/// <summary>
/// Turns a webinar platform's attendee export into xAPI <c>attended</c> statements: one per attendee and
/// webinar, joins summed (people drop and rejoin). Columns: <c>webinar_id, name, email, join_time,
/// leave_time</c> and optionally <c>partner</c>; Zoom's headers (<c>User Email</c>, <c>Join Time</c>…)
/// are understood too. Times without an offset are read in the given time zone.
/// </summary>
public sealed class AttendanceImporter(IReadOnlyDictionary<string, string> webinarIris, IReadOnlySet<string> knownPartners)
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["webinar id"] = "webinar_id", ["meeting id"] = "webinar_id", ["webinar"] = "webinar_id",
        ["name (original name)"] = "name", ["user name (original name)"] = "name", ["user name"] = "name",
        ["user email"] = "email", ["e-mail"] = "email",
        ["join time"] = "join_time", ["leave time"] = "leave_time",
    };

    /// <summary>Reads the export. On any problem returns no statements, so nothing is half-applied.</summary>
    public (IReadOnlyList<AttendanceStatement> Statements, IReadOnlyList<ImportProblem> Problems) Read(
        TextReader reader, string file, string? defaultPartner, TimeZoneInfo timeZone)
    {
        var problems = new List<ImportProblem>();
        var normalised = new StringReader(NormaliseHeader(reader));
        var rows = CsvTable.Read(normalised, file, ["webinar_id", "name", "email", "join_time", "leave_time"], ["partner", "duration (minutes)", "guest", "attendee"], problems);
        var sessions = new List<(string Webinar, string Email, string Name, string Partner, DateTimeOffset Join, DateTimeOffset Leave)>();

        foreach (var row in rows)
        {
            var before = problems.Count;
            var webinar = row.Get("webinar_id");
            if (webinar is null || !webinarIris.ContainsKey(webinar))
            {
                problems.Add(new(file, row.Line, "webinar_id", webinar is null ? "a value is required" : $"'{webinar}' is not a webinar in course.yml (known: {string.Join(", ", webinarIris.Keys)})"));
            }
            var email = row.Get("email");
            if (email is null || !MailAddress.TryCreate(email, out _))
            {
                problems.Add(new(file, row.Line, "email", email is null ? "a value is required (attendance is matched by e-mail)" : $"'{email}' is not an e-mail address"));
            }
            var partner = row.Get("partner") ?? defaultPartner;
            if (partner is null)
            {
                problems.Add(new(file, row.Line, "partner", "no partner column and no --partner given"));
            }
            else if (!knownPartners.Contains(partner))
            {
                problems.Add(new(file, row.Line, "partner", $"partner '{partner}' is not known (import partners first)"));
            }
            var join = Time(row, "join_time", file, timeZone, problems);
            var leave = Time(row, "leave_time", file, timeZone, problems);
            if (join is not null && leave is not null && leave < join)
            {
                problems.Add(new(file, row.Line, "leave_time", "is before join_time"));
            }
            if (problems.Count == before)
            {
                sessions.Add((webinar!, email!.Trim().ToLowerInvariant(), row.Get("name") ?? email!, partner!, join!.Value, leave!.Value));
            }
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var statements = sessions
            .GroupBy(s => (s.Webinar, s.Email))
            .Select(g =>
            {
                var first = g.MinBy(s => s.Join);
                var minutes = g.Sum(s => (s.Leave - s.Join).TotalMinutes);
                return Statement(webinarIris[g.Key.Webinar], first.Name, g.Key.Email, first.Partner, first.Join, TimeSpan.FromMinutes(minutes));
            })
            .ToArray();
        return (statements, []);
    }

    private static AttendanceStatement Statement(string webinarIri, string name, string email, string partner, DateTimeOffset join, TimeSpan duration)
    {
        var id = DeterministicId($"{webinarIri}|{email}|{join.UtcTicks}");
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["actor"] = new { objectType = "Agent", name, mbox = "mailto:" + email },
            ["verb"] = new { id = Verbs.Attended, display = new Dictionary<string, string> { ["en-US"] = "attended" } },
            ["object"] = new { objectType = "Activity", id = webinarIri },
            ["result"] = new { duration = $"PT{(int)duration.TotalHours}H{duration.Minutes}M{duration.Seconds}S" },
            ["timestamp"] = join.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
        return new AttendanceStatement(id, json, partner);
    }

    private static DateTimeOffset? Time(CsvTable.Row row, string column, string file, TimeZoneInfo zone, List<ImportProblem> problems)
    {
        var text = row.Get(column);
        if (text is null)
        {
            problems.Add(new(file, row.Line, column, "a value is required"));
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        problems.Add(new(file, row.Line, column, $"'{text}' is not a date and time (e.g. 2026-03-04 14:05:00 or 2026-03-04T14:05:00-05:00)"));
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string NormaliseHeader(TextReader reader)
    {
        var all = reader.ReadToEnd();
        var end = all.IndexOf('\n');
        var header = end < 0 ? all : all[..end];
        var names = header.TrimEnd('\r').Split(',').Select(h => h.Trim().Trim('"')).Select(h => s_aliases.GetValueOrDefault(h, h.ToLowerInvariant()));
        return string.Join(',', names) + (end < 0 ? "" : all[end..]);
    }

    private static string DeterministicId(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}

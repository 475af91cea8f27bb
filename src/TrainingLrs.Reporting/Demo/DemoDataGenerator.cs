using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reporting.Demo;

/// <summary>
/// A realistic, deterministic demo set: members, partners of every type across US states, and the
/// xAPI statements their learners would have sent so far in a campaign. Used by <c>serve --demo</c>,
/// the benchmarks and the browser tests. All names are invented.
/// </summary>
public sealed class DemoDataGenerator(DemoOptions options, ModuleCatalog catalog, DateTimeOffset now)
{
    private static readonly string[] s_memberNames =
        ["Northwind Foods", "Contoso Brands", "Fabrikam Home", "Tailspin Snacks", "Litware Beverages", "Proseware Personal Care",
         "Adatum Pantry", "Wingtip Dairy", "Woodgrove Bakery", "Alpine Household", "Fourth Coffee", "Lamna Frozen"];
    private static readonly string[] s_places = ["Lakeside", "Riverside", "Prairie", "Summit", "Harbor", "Cedar", "Granite", "Maple", "Willow", "Canyon", "Bayview", "Pinecrest", "Meadow", "Ironwood", "Clearwater"];
    private static readonly string[] s_kinds = ["Co-Pack", "Manufacturing", "Staffing", "Sanitation Services"];
    private static readonly string[] s_states = ["OH", "TX", "IA", "NE", "GA", "NC", "CA", "IL", "WI", "MN", "PA", "AR", "MO", "KS", "MI", "IN"];
    private static readonly string[] s_firstNames = ["Ana", "Luis", "Maria", "James", "Keisha", "Tuan", "Rosa", "Omar", "Linh", "Carlos", "Emily", "Jorge", "Fatima", "David", "Yesenia", "Kwame"];
    private static readonly string[] s_lastNames = ["Garcia", "Nguyen", "Smith", "Hernandez", "Johnson", "Lopez", "Patel", "Williams", "Martinez", "Brown", "Ramirez", "Davis"];

    /// <summary>The members.</summary>
    public IReadOnlyList<Member> Members() =>
        [.. Enumerable.Range(0, options.Members).Select(i => new Member(Slug(MemberName(i)), MemberName(i)))];

    /// <summary>The partners, each serving one to three members.</summary>
    public IReadOnlyList<Partner> Partners()
    {
        var random = new Random(options.Seed);
        var members = Members();
        return [.. Enumerable.Range(0, options.Partners).Select(i =>
        {
            var type = (PartnerType)(i % 4);
            var name = $"{s_places[i % s_places.Length]} {s_kinds[(int)type]} {i / s_places.Length + 1}";
            var id = $"{Slug(name)}-{i:000}";
            var memberCount = random.NextDouble() < 0.75 ? 1 : random.NextDouble() < 0.7 ? 2 : 3;
            var memberIds = Enumerable.Range(0, memberCount).Select(k => members[(i * 7 + k * 5) % members.Count].Id).Distinct().ToArray();
            var contact = $"{s_firstNames[random.Next(s_firstNames.Length)]} {s_lastNames[random.Next(s_lastNames.Length)]}";
            return new Partner(id, name, type, s_states[random.Next(s_states.Length)], $"https://lms.{id}.example",
                memberIds, new PartnerContact(contact, $"training@{id}.example", $"+1 555 01{i % 100:00}"));
        })];
    }

    /// <summary>
    /// Every statement, in time order per learner (not globally). Partners differ in pace: some are done,
    /// some half-way, some have not started; learners who fail an assessment usually retry.
    /// </summary>
    public IEnumerable<DemoStatement> Statements()
    {
        var campaign = catalog.Campaign ?? new CampaignInfo(now.AddDays(-45), now.AddDays(45), 10);
        var end = now < campaign.Deadline ? now : campaign.Deadline;
        var span = Math.Max(1, (end - campaign.Start).TotalMinutes);
        var partners = Partners();
        for (var p = 0; p < partners.Count; p++)
        {
            var partner = partners[p];
            var random = new Random(unchecked(options.Seed * 1_000_003 + p));
            // Pace 0..1: how far this partner's learners get; about one in eight has not started.
            var pace = random.NextDouble() < 0.12 ? 0 : Math.Sqrt(random.NextDouble());
            var learners = Math.Max(1, (int)(options.LearnersPerPartner * (0.4 + 1.2 * random.NextDouble())));
            for (var l = 0; l < learners && pace > 0; l++)
            {
                var name = $"{s_firstNames[random.Next(s_firstNames.Length)]} {s_lastNames[random.Next(s_lastNames.Length)]}";
                var account = $"{partner.Id}-{l:0000}";
                var actor = new Actor(account, new { name, account = new { homePage = partner.LmsHomePage, name = account } });
                var reach = (int)Math.Round(catalog.Modules.Count * Math.Clamp(pace + (random.NextDouble() - 0.5) * 0.4, 0, 1));
                var time = campaign.Start.AddMinutes(random.NextDouble() * span * 0.3);
                for (var m = 0; m < reach && time < end; m++)
                {
                    foreach (var statement in ModuleSession(random, actor, partner.Id, catalog.Modules[m], ref time, end))
                    {
                        yield return statement;
                    }
                    time = time.AddMinutes(random.NextDouble() * span * 0.08);
                }
            }
        }
    }

    private IEnumerable<DemoStatement> ModuleSession(Random random, Actor actor, string partnerId, ModuleInfo module, ref DateTimeOffset time, DateTimeOffset end)
    {
        var list = new List<DemoStatement>();
        var start = time;
        list.Add(Make(actor, partnerId, "http://adlnet.gov/expapi/verbs/initialized", module.ActivityIri, null, ref time, 0));
        if (options.DetailedStatements)
        {
            for (var page = 1; page <= 6; page++)
            {
                list.Add(Make(actor, partnerId, "http://adlnet.gov/expapi/verbs/progressed", $"{module.ActivityIri}/pages/{page}", null, ref time, 2 + random.Next(4)));
                list.Add(Make(actor, partnerId, "http://adlnet.gov/expapi/verbs/answered", $"{module.ActivityIri}/questions/q{page}", new { success = random.NextDouble() < 0.8 }, ref time, 1));
            }
        }
        else
        {
            time = time.AddMinutes(10 + random.Next(15));
        }

        // Some learners stop mid-way; the rest finish, and most who fail retry.
        if (random.NextDouble() < 0.1 || time >= end)
        {
            return list;
        }
        list.Add(Make(actor, partnerId, Verbs.Completed, module.ActivityIri, null, ref time, 1));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var score = Math.Round(0.45 + random.NextDouble() * 0.55, 2);
            var passed = score >= 0.8;
            list.Add(Make(actor, partnerId, passed ? Verbs.Passed : Verbs.Failed, module.ActivityIri, new { score = new { scaled = score }, success = passed }, ref time, 3));
            if (passed || random.NextDouble() < 0.3)
            {
                break;
            }
        }
        var duration = $"PT{Math.Max(1, (int)(time - start).TotalMinutes)}M";
        list.Add(Make(actor, partnerId, Verbs.Terminated, module.ActivityIri, new { duration }, ref time, 0));
        return list;
    }

    private DemoStatement Make(Actor actor, string partnerId, string verb, string activity, object? result, ref DateTimeOffset time, int minutesLater)
    {
        time = time.AddMinutes(minutesLater);
        var id = DeterministicGuid($"{options.Seed}|{actor.Key}|{verb}|{activity}|{time.UtcTicks}").ToString();
        var statement = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["actor"] = actor.Json,
            ["verb"] = new { id = verb, display = new Dictionary<string, string> { ["en-US"] = verb[(verb.LastIndexOf('/') + 1)..] } },
            ["object"] = new { objectType = "Activity", id = activity },
            ["timestamp"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (result is not null)
        {
            statement["result"] = result;
        }
        return new DemoStatement(id, JsonSerializer.Serialize(statement), partnerId, time);
    }

    // Stable across processes (unlike HashCode), so the same options give the same statement ids.
    private static Guid DeterministicGuid(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private sealed record Actor(string Key, object Json);

    private static string MemberName(int i) => i < s_memberNames.Length ? s_memberNames[i] : $"Member Company {i + 1}";

    private static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split([' ', '&', ','], StringSplitOptions.RemoveEmptyEntries));
}

using System.Diagnostics;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Hosting;

/// <summary>
/// <c>serve --demo</c>: fills an empty database with the generated programme (members, partners, and
/// their learners' statements through the real LRS writer, so completion, OData and the dashboard show
/// what they would in a campaign) and issues a member reporting key to try the dashboard with.
/// </summary>
public static class DemoSeeder
{
    // Statements per request: the LRS writer commits each in one transaction.
    private const int BatchSize = 2000;

    /// <summary>A copy of <paramref name="catalog"/> whose campaign runs from 45 days ago to 45 days ahead, so the demo is mid-campaign.</summary>
    public static ModuleCatalog InProgress(ModuleCatalog catalog, DateTimeOffset now) => new(
        catalog.Modules,
        catalog.Modules.Count == 0 ? null : catalog.WebinarIris.ToDictionary(w => w.Value, w => (IReadOnlyList<string>)[.. catalog.ForWebinar(w.Value).Select(m => m.Id)]),
        new CampaignInfo(now.AddDays(-45), now.AddDays(45), catalog.Campaign?.LearnersNeededPerPartner ?? 5),
        catalog.CourseTitle,
        catalog.WebinarIris);

    /// <summary>Seeds when the database has no partners yet; returns the member key issued, or null when it had data.</summary>
    public static async Task<IssuedCredential?> SeedAsync(IServiceProvider services, DemoOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var organisations = (IOrganisationStore)services.GetService(typeof(IOrganisationStore))!;
        if (organisations.Partners().Count > 0)
        {
            output.WriteLine("Demo: the database already has partners; nothing was added.");
            return null;
        }

        var catalog = (ModuleCatalog)services.GetService(typeof(ModuleCatalog))!;
        var ingest = (StatementIngest)services.GetService(typeof(StatementIngest))!;
        var generator = new DemoDataGenerator(options, catalog, DateTimeOffset.UtcNow);
        organisations.UpsertMembers(generator.Members());
        organisations.UpsertPartners(generator.Partners());

        var clock = Stopwatch.StartNew();
        var stored = 0;
        var reported = 0;
        // The statements stream partner by partner (all of them at once would hold the whole programme
        // in memory before the first write); several partners' batches are validated at once while the
        // LRS writer commits the previous ones.
        await Parallel.ForEachAsync(
            ByPartner(generator.Statements()),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (partner, token) =>
            {
                var author = new Credential("demo-" + partner.PartnerId, "demo lesson key", [Scopes.StatementsWrite], partner.PartnerId, null, DateTimeOffset.UtcNow, null);
                // In order: a learner's statements are stored in the order they happened.
                foreach (var batch in partner.Statements.Chunk(BatchSize))
                {
                    await ingest.StoreAsync(batch, author, token);
                    var now = Interlocked.Add(ref stored, batch.Length);
                    if (now / 100_000 > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, now / 100_000) < now / 100_000)
                    {
                        lock (output)
                        {
                            output.WriteLine($"Demo: {now:N0} statements stored ({clock.Elapsed.TotalSeconds:0} s)…");
                        }
                    }
                }
            });
        output.WriteLine($"Demo: {options.Members} members, {options.Partners} partners, {stored:N0} statements in {clock.Elapsed.TotalSeconds:0.0} s.");

        var credentials = (ICredentialStore)services.GetService(typeof(ICredentialStore))!;
        var member = generator.Members()[0];
        return credentials.Create(new CredentialRequest($"demo reporting key for {member.Name}", [Scopes.Reports], MemberId: member.Id));
    }

    // One partner's statements at a time (the generator emits them partner by partner).
    private static IEnumerable<(string PartnerId, List<string> Statements)> ByPartner(IEnumerable<DemoStatement> statements)
    {
        var partnerId = "";
        var batch = new List<string>();
        foreach (var statement in statements)
        {
            if (batch.Count > 0 && statement.PartnerId != partnerId)
            {
                yield return (partnerId, batch);
                batch = [];
            }
            partnerId = statement.PartnerId;
            batch.Add(statement.Json);
        }
        if (batch.Count > 0)
        {
            yield return (partnerId, batch);
        }
    }
}

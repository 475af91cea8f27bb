using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;

namespace TrainingLrs.Benchmarks.Reports;

/// <summary>
/// The xAPI statements of a campaign in the reports benchmark's database: the demo set's detailed
/// statements (sessions, pages, answers, results) of the same partners and modules, with the learner
/// count scaled so that <c>count</c> statements cover every partner, stored in partner batches of 100
/// through the LRS's own ingest and single writer (statement documents and every key row, as
/// <c>POST /xapi/statements</c> stores them).
/// </summary>
/// <remarks>
/// The completion projection is left out: the completion rows stay the ones the benchmark seeds, so
/// two runs differ only in the statements the file holds, not in what the reports count.
/// </remarks>
internal sealed class CampaignStatements : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly StatementIngest _ingest;
    private readonly IEnumerator<DemoStatement> _statements;
    private readonly Stopwatch _writing = new();

    private CampaignStatements(ServiceProvider services, IEnumerator<DemoStatement> statements, int count)
    {
        _services = services;
        _ingest = services.GetRequiredService<StatementIngest>();
        _statements = statements;
        Count = count;
    }

    /// <summary>The statements to write in all.</summary>
    public int Count { get; }

    /// <summary>The statements written so far.</summary>
    public int Written { get; private set; }

    /// <summary>Statements written per second of writing so far.</summary>
    public double Rate => Written / Math.Max(_writing.Elapsed.TotalSeconds, 1e-3);

    /// <summary>Prepares <paramref name="count"/> statements for <paramref name="database"/>; nothing is written yet.</summary>
    public static CampaignStatements Open(LrsDatabase database, ModuleCatalog catalog, DemoOptions campaign, int count, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddTrainingLrsStores(new TrainingLrsSettings(), database, catalog);
        services.RemoveAll<IStatementWriteObserver>();
        var options = campaign with { LearnersPerPartner = LearnersPerPartnerFor(campaign, catalog, count, now), DetailedStatements = true };
        // Should the estimate fall short, the same campaign again under another seed (other statement ids).
        var statements = Enumerable.Range(0, int.MaxValue)
            .SelectMany(round => new DemoDataGenerator(options with { Seed = options.Seed + round }, catalog, now).Statements())
            .Take(count);
        return new CampaignStatements(services.BuildServiceProvider(), statements.GetEnumerator(), count);
    }

    /// <summary>Writes statements until <paramref name="total"/> (at most <see cref="Count"/>) are stored.</summary>
    public async Task WriteUntilAsync(long total)
    {
        var slice = new List<DemoStatement>();
        while (Written + slice.Count < Math.Min(total, Count) && _statements.MoveNext())
        {
            slice.Add(_statements.Current);
        }
        if (slice.Count == 0)
        {
            return;
        }
        _writing.Start();
        // As lessons send them: a partner's statements with its key, several partners at once.
        await Parallel.ForEachAsync(slice.GroupBy(s => s.PartnerId).SelectMany(g => g.Chunk(100).Select(c => (Partner: g.Key, Batch: c))),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (batch, token) =>
            {
                var author = new Credential("bench-" + batch.Partner, "bench", [Scopes.StatementsWrite], batch.Partner, null, DateTimeOffset.UtcNow, null);
                await _ingest.StoreAsync([.. batch.Batch.Select(s => s.Json)], author, token);
            });
        _writing.Stop();
        Written += slice.Count;
    }

    /// <summary>Flushes the writer; the database stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        _statements.Dispose();
        await _services.DisposeAsync();
    }

    // About how many statements one learner of the campaign sends, from the first 60 partners.
    private static int LearnersPerPartnerFor(DemoOptions campaign, ModuleCatalog catalog, int count, DateTimeOffset now)
    {
        const int Sample = 60;
        const int SampleLearners = 10;
        var sampled = new DemoDataGenerator(campaign with { Partners = Sample, LearnersPerPartner = SampleLearners, DetailedStatements = true }, catalog, now)
            .Statements().Count();
        var perLearner = Math.Max(1.0, sampled / (double)(Sample * SampleLearners));
        return Math.Max(1, (int)Math.Ceiling(1.1 * count / (campaign.Partners * perLearner)));
    }
}

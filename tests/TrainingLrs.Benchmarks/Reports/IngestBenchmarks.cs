using System.Diagnostics;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TrainingLrs.Benchmarks.Reports;

/// <summary>
/// What the completion projection adds to statement ingest: the same demo statements stored through
/// the LRS writer with and without the projection observer, each into a fresh database, alternating.
/// </summary>
public static class IngestBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 60_000;
        const string Base = "https://traininglrs.org/courses/bench/modules/";
        var catalog = new ModuleCatalog(
            [.. Enumerable.Range(1, 9).Select(i => new ModuleInfo($"m{i}", $"{Base}m{i}", $"Module {i}", MoveOn.CompletedAndPassed, true))],
            campaign: new CampaignInfo(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(30), 5));
        var statements = new DemoDataGenerator(new DemoOptions(Partners: 200, LearnersPerPartner: 50, DetailedStatements: true), catalog, DateTimeOffset.UtcNow)
            .Statements().Take(count).ToArray();
        Console.WriteLine($"{statements.Length:N0} demo statements (detailed: pages and answers), batches of 100 from 8 concurrent clients");

        var with = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            without.Add(await MeasureAsync(statements, catalog, project: false));
            with.Add(await MeasureAsync(statements, catalog, project: true));
        }
        var a = with.Order().ElementAt(1);
        var b = without.Order().ElementAt(1);
        Console.WriteLine($"without projection: {b:0.0} s ({statements.Length / b:N0}/s); with projection: {a:0.0} s ({statements.Length / a:N0}/s)");
        Console.WriteLine($"projection adds {100 * (a - b) / b:0} % to ingest (target ≤ 20 %)");
        return 0;
    }

    private static async Task<double> MeasureAsync(DemoStatement[] statements, ModuleCatalog catalog, bool project)
    {
        var folder = Path.Combine(Path.GetTempPath(), "traininglrs-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var database = LrsDatabase.Open(folder);
            var services = new ServiceCollection();
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddTrainingLrsStores(new TrainingLrsSettings(), database, catalog);
            if (!project)
            {
                services.RemoveAll<TrainingLrs.Lrs.Storage.IStatementWriteObserver>();
            }
            await using var provider = services.BuildServiceProvider();
            var ingest = provider.GetRequiredService<StatementIngest>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(statements.GroupBy(s => s.PartnerId).SelectMany(g => g.Chunk(100).Select(c => (g.Key, c))),
                new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (batch, token) =>
                {
                    var author = new Credential("bench-" + batch.Key, "bench", [Scopes.StatementsWrite], batch.Key, null, DateTimeOffset.UtcNow, null);
                    await ingest.StoreAsync([.. batch.c.Select(s => s.Json)], author, token);
                });
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

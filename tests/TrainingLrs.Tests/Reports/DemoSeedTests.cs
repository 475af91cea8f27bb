using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Reports;

public sealed class DemoSeedTests
{
    // A campaign that ended: the generated set does not depend on when the test runs.
    private static readonly ModuleCatalog s_catalog = new(
        [.. Enumerable.Range(1, 4).Select(i => new ModuleInfo($"m{i}", $"https://x.example/m{i}", $"Module {i}", MoveOn.CompletedAndPassed, true))],
        campaign: new CampaignInfo(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), 5));

    [Fact]
    public async Task Demo_seed_stores_exactly_the_generated_statements_and_their_completion_rows()
    {
        using var data = new TempFolder();
        var options = new DemoOptions(Members: 3, Partners: 9, LearnersPerPartner: 6);
        await using var server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = data.Path } }, catalog: s_catalog);

        var key = await DemoSeeder.SeedAsync(server.Services, options, TextWriter.Null, CancellationToken.None);

        Assert.NotNull(key);
        var generated = new DemoDataGenerator(options, s_catalog, DateTimeOffset.UtcNow).Statements().ToArray();
        Assert.True(generated.Length > 500, $"only {generated.Length} statements generated");
        var ingest = (StatementIngest)server.Services.GetService(typeof(StatementIngest))!;
        var stored = ingest.AllActive().ToArray();
        Assert.Equal(generated.Select(s => s.Id).Order(StringComparer.Ordinal), stored.Select(s => s.Id).Order(StringComparer.Ordinal));
        // Each statement was written by its own partner's lesson key.
        var partnerOf = generated.ToDictionary(s => s.Id, s => s.PartnerId);
        Assert.All(stored, s => Assert.Equal(partnerOf[s.Id], s.PartnerId));
        Assert.Equal(options.Partners, ((IOrganisationStore)server.Services.GetService(typeof(IOrganisationStore))!).Partners().Count);

        // The live projection equals a rebuild from the stored statements (`completions rebuild --check`).
        var completions = (LiteDbCompletionStore)server.Services.GetService(typeof(LiteDbCompletionStore))!;
        var live = completions.Rows().ToDictionary(r => (r.LearnerId, r.ModuleId));
        Assert.NotEmpty(live);
        completions.Rebuild(stored.Select(CompletionObserver.ToProjected));
        var rebuilt = completions.Rows().ToDictionary(r => (r.LearnerId, r.ModuleId));
        Assert.Equal(rebuilt.Count, live.Count);
        Assert.All(rebuilt, r => Assert.Equal(r.Value, live[r.Key]));
    }
}

using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Cli;

public sealed class PrivacyVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] Common(string data) => ["--data", data, "--content", Repository.Content, "--themes", Repository.Themes];

    // Two learners with webinar credit: statements and completion rows through the real import.
    private async Task<string> SeedAsync()
    {
        var data = _temp.Combine("data");
        await File.WriteAllTextAsync(_temp.Combine("m.csv"), "id,name\nnorthwind,Northwind\n");
        await File.WriteAllTextAsync(_temp.Combine("p.csv"), "id,name,type,state,members\nlakeside,Lakeside,co-packer,OH,northwind\n");
        await File.WriteAllTextAsync(_temp.Combine("a.csv"),
            "webinar_id,name,email,join_time,leave_time,partner\n" +
            "kickoff-webinar,Ana Ruiz,ana@lakeside.example,2026-02-03T09:00:00Z,2026-02-03T10:00:00Z,lakeside\n" +
            "kickoff-webinar,Kim Ode,kim@lakeside.example,2026-02-03T09:00:00Z,2026-02-03T10:00:00Z,lakeside\n");
        Assert.Equal(0, (await Support.Cli.RunAsync("import", "members", _temp.Combine("m.csv"), "--data", data)).ExitCode);
        Assert.Equal(0, (await Support.Cli.RunAsync("import", "partners", _temp.Combine("p.csv"), "--data", data)).ExitCode);
        Assert.Equal(0, (await Support.Cli.RunAsync(["import", "attendance", _temp.Combine("a.csv"), .. Common(data)])).ExitCode);
        return data;
    }

    private static string[] CompletionLearners(string data)
    {
        using var database = LrsDatabase.Open(data);
        return new LiteDbCompletionStore(database, ModuleCatalog.Empty).Rows().Select(r => r.LearnerId).Distinct().ToArray();
    }

    [Fact]
    public async Task Privacy_erase_dry_run_only_counts_then_erase_removes_the_learners_statements_and_completion_rows()
    {
        var data = await SeedAsync();
        var learnersBefore = CompletionLearners(data);

        var dry = await Support.Cli.RunAsync(["privacy", "erase", "--agent", """{"mbox":"mailto:ana@lakeside.example"}""", "--dry-run", .. Common(data)]);
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("\"statements\":1", dry.Output);
        Assert.Contains("\"dryRun\":true", dry.Output);
        Assert.Equal(learnersBefore, CompletionLearners(data));

        var erased = await Support.Cli.RunAsync(["privacy", "erase", "--agent", """{"mbox":"mailto:ana@lakeside.example"}""", .. Common(data)]);
        var again = await Support.Cli.RunAsync(["privacy", "erase", "--agent", """{"mbox":"mailto:ana@lakeside.example"}""", .. Common(data)]);

        Assert.Equal(0, erased.ExitCode);
        Assert.Contains("\"statements\":1", erased.Output);
        Assert.Contains("\"statements\":0", again.Output);
        Assert.Equal(2, learnersBefore.Length);
        Assert.Single(CompletionLearners(data));
    }

    [Fact]
    public async Task Privacy_erase_with_an_agent_that_has_no_identifier_exits_2_naming_the_problem()
    {
        var result = await Support.Cli.RunAsync(["privacy", "erase", "--agent", """{"name":"Ana"}""", .. Common(_temp.Combine("data"))]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--agent:", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Privacy_purge_deletes_what_was_stored_before_the_date_and_keeps_the_rest()
    {
        var data = await SeedAsync();

        var past = await Support.Cli.RunAsync(["privacy", "purge", "--before", "2000-01-01", .. Common(data)]);
        var dry = await Support.Cli.RunAsync(["privacy", "purge", "--before", DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"), "--dry-run", .. Common(data)]);
        var purged = await Support.Cli.RunAsync(["privacy", "purge", "--before", DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"), .. Common(data)]);
        var bad = await Support.Cli.RunAsync(["privacy", "purge", "--before", "last tuesday", .. Common(data)]);

        Assert.Contains("\"statements\":0", past.Output);
        Assert.Contains("\"statements\":2", dry.Output);
        Assert.Contains("\"statements\":2", purged.Output);
        Assert.Contains("completions rebuild", purged.Error);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--before: 'last tuesday' is not an ISO 8601 timestamp", bad.Error);
    }
}

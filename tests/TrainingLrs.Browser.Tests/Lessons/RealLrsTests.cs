using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>
/// The lesson in an LMS frame reporting to our real server on another origin: statements land in the
/// LRS under the partner of the lesson key, and the learner's completion row follows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealLrsTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "traininglrs-tests", Guid.NewGuid().ToString("N"));
    private TrainingLrsServer _server = null!;

    public async Task InitializeAsync()
    {
        var catalog = new ModuleCatalog([new ModuleInfo("why-this-matters", LessonSite.ActivityId, "Why this matters", MoveOn.CompletedOrPassed, true)]);
        _server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data } }, catalog: catalog);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_scorm_learner_reaches_our_lrs_across_origins_and_their_completion_row_counts_for_the_partner()
    {
        var credentials = (ICredentialStore)_server.Services.GetService(typeof(ICredentialStore))!;
        var key = credentials.Create(new CredentialRequest("lakeside lessons", [Scopes.StatementsWrite, Scopes.State], PartnerId: "lakeside"));
        var connection = new LrsConnection(new Uri(_server.Addresses[0], "/xapi/"), key.Credential.Key, key.Secret) { LmsHomePage = new Uri("https://lms.lakeside.example/") };
        await using var site = await LessonSite.StartAsync(lrs: connection);
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var seed = new Dictionary<string, string> { ["cmi.core.student_id"] = "ana-1024", ["cmi.core.student_name"] = "Ruiz, Ana" };

        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2", seed));
        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();

        var completions = (ICompletionStore)_server.Services.GetService(typeof(ICompletionStore))!;
        var learner = StatementFacts.HashIdentifier("account:https://lms.lakeside.example/|ana-1024");
        var until = DateTime.UtcNow.AddSeconds(20);
        CompletionRow? row;
        while ((row = completions.Find(learner, "why-this-matters")) is not { TimeSpent.Ticks: > 0 } && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(row);
        Assert.Equal("lakeside", row.PartnerId);
        Assert.True(row.Satisfied);
        Assert.Equal(CompletionStatus.Passed, row.Status);
        Assert.Equal(1, row.Attempts);
        var ingest = (StatementIngest)_server.Services.GetService(typeof(StatementIngest))!;
        var stored = ingest.AllActive().ToList();
        Assert.All(stored, s => Assert.Equal("lakeside", s.PartnerId));
        Assert.Contains(stored, s => s.Json.Contains("\"http://adlnet.gov/expapi/verbs/terminated\"", StringComparison.Ordinal));
        Assert.Equal(stored.Count, stored.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Statements_made_while_our_server_is_down_arrive_once_when_it_is_back()
    {
        var credentials = (ICredentialStore)_server.Services.GetService(typeof(ICredentialStore))!;
        var key = credentials.Create(new CredentialRequest("lakeside lessons", [Scopes.StatementsWrite, Scopes.State], PartnerId: "lakeside"));
        var address = _server.Addresses[0];
        var connection = new LrsConnection(new Uri(address, "/xapi/"), key.Credential.Key, key.Secret) { LmsHomePage = new Uri("https://lms.lakeside.example/") };
        await using var site = await LessonSite.StartAsync(lrs: connection);
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var seed = new Dictionary<string, string> { ["cmi.core.student_id"] = "ben-7", ["cmi.core.student_name"] = "Ode, Ben" };
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2", seed));
        await lesson.AnswerKnowledgeCheckAsync();

        // The server goes away mid-lesson (a deploy, a network cut) and comes back on the same address and data.
        await _server.DisposeAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        _server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings { Server = new ServerSettings { Urls = address.ToString().TrimEnd('/'), DataDirectory = _data } },
            catalog: new ModuleCatalog([new ModuleInfo("why-this-matters", LessonSite.ActivityId, "Why this matters", MoveOn.CompletedOrPassed, true)]));
        await lesson.ExitAsync();

        var ingest = (StatementIngest)_server.Services.GetService(typeof(StatementIngest))!;
        var until = DateTime.UtcNow.AddSeconds(45);
        List<TrainingLrs.Lrs.Storage.StoredStatement> stored;
        while (!(stored = ingest.AllActive().ToList()).Any(s => s.Json.Contains("/verbs/terminated\"", StringComparison.Ordinal)) && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }

        int Count(string verb) => stored.Count(s => s.Json.Contains($"/verbs/{verb}\"", StringComparison.Ordinal));
        Assert.Equal(1, Count("initialized"));
        Assert.Equal(1, Count("passed"));
        Assert.Equal(1, Count("completed"));
        Assert.Equal(1, Count("terminated"));
        Assert.True(Count("answered") >= 4, "answers made while the server was down were lost");
        var completions = (ICompletionStore)_server.Services.GetService(typeof(ICompletionStore))!;
        Assert.True(completions.Find(StatementFacts.HashIdentifier("account:https://lms.lakeside.example/|ben-7"), "why-this-matters")?.Satisfied);
    }
}

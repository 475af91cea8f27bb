using System.Text.Json.Nodes;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>
/// Statements to our real LRS alongside SCORM and in the web launch: content (every statement must
/// pass the LRS's validation, or the queue drops it and a count below fails), the offline queue,
/// State API resume.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XapiTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string QueueLength = "() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('traininglrs:queue:')))).length";
    private OurLrs _lrs = null!;

    public async Task InitializeAsync() => _lrs = await OurLrs.StartAsync();

    public async Task DisposeAsync() => await _lrs.DisposeAsync();

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(100);
        }
    }

    private static string Verb(JsonObject s) => OurLrs.Verb(s);

    [Fact]
    public async Task Scorm_learner_is_reported_to_our_lrs_under_the_lms_id_with_answers_scores_and_durations()
    {
        await using var site = await LessonSite.StartAsync(lrs: _lrs.Connect(new Uri("https://lms.lakeside.example/")));
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var seed = new Dictionary<string, string> { ["cmi.core.student_id"] = "ana-1024", ["cmi.core.student_name"] = "Ruiz, Ana" };
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2", seed));
        await lesson.AnswerKnowledgeCheckAsync(right: false);
        await lesson.PlayScenarioAsync();
        await lesson.TakeAssessmentAsync(pass: false);
        await lesson.RetryAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();

        var statements = await _lrs.WaitForAsync("terminated");
        var verbs = statements.Select(Verb).ToList();
        Assert.Equal("initialized", verbs[0]);
        Assert.Equal("terminated", verbs[^1]);
        Assert.Equal(5, verbs.Count(v => v == "progressed"));
        Assert.Equal(1 + 2 + 3 + 3, verbs.Count(v => v == "answered"));
        Assert.Equal(["completed", "failed", "passed"], verbs.Where(v => v is "completed" or "failed" or "passed"));
        Assert.All(statements, s =>
        {
            Assert.Equal("ana-1024", (string)s["actor"]!["account"]!["name"]!);
            Assert.Equal("https://lms.lakeside.example/", (string)s["actor"]!["account"]!["homePage"]!);
            Assert.Equal("Ruiz, Ana", (string)s["actor"]!["name"]!);
            Assert.True(Guid.TryParse((string)s["id"]!, out var id) && id.ToString("D")[14] == '4', "UUID v4 expected");
        });

        var knowledgeCheck = statements.Single(s => Verb(s) == "answered" && ((string)s["object"]!["id"]!).EndsWith("/questions/kc-pattern", StringComparison.Ordinal));
        Assert.Equal("d", (string)knowledgeCheck["result"]!["response"]!);
        Assert.False((bool)knowledgeCheck["result"]!["success"]!);
        Assert.Equal("a[,]b[,]c", (string)knowledgeCheck["object"]!["definition"]!["correctResponsesPattern"]![0]!);
        Assert.Equal(LessonSite.ActivityId, (string)knowledgeCheck["context"]!["contextActivities"]!["parent"]![0]!["id"]!);
        var failed = statements.Single(s => Verb(s) == "failed");
        Assert.Equal(0.0, (double)failed["result"]!["score"]!["scaled"]!);
        var passed = statements.Single(s => Verb(s) == "passed");
        Assert.Equal(100, (int)passed["result"]!["score"]!["raw"]!);
        Assert.True((bool)passed["result"]!["success"]!);
        Assert.StartsWith("PT", (string)statements[^1]["result"]!["duration"]!);
    }

    [Fact]
    public async Task Statements_made_while_the_lrs_is_down_survive_a_reload_and_arrive_once()
    {
        await using var site = await LessonSite.StartAsync(lrs: _lrs.Connect());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var url = site.Url(LessonSite.LessonPath("web")) + "?learnerId=raul-77&learnerName=Raul";
        await page.GotoAsync(url);
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        await _lrs.WaitForAsync("initialized");

        await _lrs.StopAsync();
        await lesson.AnswerKnowledgeCheckAsync();
        var queued = await page.EvaluateAsync<int>(QueueLength);
        Assert.True(queued >= 3, "queued: " + queued);
        // The reload ends the first session (terminated) while the LRS is still unreachable.
        await page.ReloadAsync();
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await Task.Delay(1500);

        await _lrs.RestartAsync();
        await _lrs.WaitForAsync("initialized", count: 2, seconds: 45);
        await WaitForAsync(async () => await page.EvaluateAsync<int>(QueueLength) == 0, "an empty queue", 45);

        var statements = _lrs.Statements();
        Assert.Single(statements, s => Verb(s) == "answered");
        Assert.Single(statements, s => Verb(s) == "terminated");
        // Progress to pages 2 and 3 before the reload, each once, although some posts were retried.
        Assert.Equal(["20", "40", "60"], statements.Where(s => Verb(s) == "progressed")
            .Select(s => s["result"]!["extensions"]!["https://w3id.org/xapi/cmi5/result/extensions/progress"]!.ToString()));
        Assert.All(statements, s => Assert.Equal(site.Address.GetLeftPart(UriPartial.Authority), (string)s["actor"]!["account"]!["homePage"]!));
    }

    // An exit send (keepalive) can store statements without the page seeing the answer, so they stay
    // queued; a 1.0.x LRS then refuses, with 409, any batch holding one of them. The new statements of
    // that batch must still arrive.
    [Fact]
    public async Task A_batch_refused_with_409_for_a_statement_already_stored_still_delivers_the_new_ones()
    {
        var connection = _lrs.Connect();
        await using var site = await LessonSite.StartAsync(lrs: connection);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(LessonSite.LessonPath("web")) + "?learnerId=mia-5&learnerName=Mia");
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);

        var ids = await page.EvaluateAsync<string[]>("""
            async ([endpoint, key, secret, activityId]) => {
              const ns = window.TrainingLrs;
              const queue = ns.statementQueue({ endpoint, auth: () => "Basic " + btoa(key + ":" + secret), storageKey: "test:409" });
              const statement = (verb) => ({ id: ns.uuid(), timestamp: new Date().toISOString(),
                actor: { account: { homePage: "https://lms.example/", name: "mia-5" } },
                verb: { id: "http://adlnet.gov/expapi/verbs/" + verb }, object: { objectType: "Activity", id: activityId } });
              const stored = statement("experienced");
              const fresh = [statement("attempted"), statement("progressed")];
              const settled = async () => { while (queue.pending) { await new Promise((r) => setTimeout(r, 50)); } };
              queue.push(stored);
              await settled();
              [stored, ...fresh].forEach((s) => queue.push(s));
              await settled();
              return fresh.map((s) => s.id);
            }
            """, new object[] { connection.Endpoint.ToString(), connection.Key, connection.Secret, LessonSite.ActivityId });

        var stored = _lrs.Statements().Select(s => (string)s["id"]!).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, stored));
        Assert.Single(_lrs.Statements(), s => Verb(s) == "experienced");
    }

    [Fact]
    public async Task Web_launch_resumes_from_the_state_api_in_another_browser()
    {
        var connection = _lrs.Connect();
        await using var site = await LessonSite.StartAsync(lrs: connection);
        var url = site.Url(LessonSite.LessonPath("web")) + "?learnerId=kim-5&learnerName=Kim";
        var agent = new JsonObject
        {
            ["objectType"] = "Agent",
            ["account"] = new JsonObject { ["homePage"] = site.Address.GetLeftPart(UriPartial.Authority), ["name"] = "kim-5" },
        };
        await using (var first = await browser.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync(url);
            await LessonDriver.WaitForLaunchAsync(page.MainFrame);
            var lesson = new LessonDriver(page.MainFrame);
            await lesson.AnswerKnowledgeCheckAsync();
            await lesson.ExitAsync();
            await WaitForAsync(async () => (await OurLrs.StateAsync(connection, agent, "https://traininglrs.org/xapi/state/resume"))?.Contains("\"p\":2", StringComparison.Ordinal) == true,
                "the resume state");
        }

        await using var second = await browser.NewContextAsync();
        var again = await second.NewPageAsync();
        await again.GotoAsync(url);
        await LessonDriver.WaitForLaunchAsync(again.MainFrame);
        var resumed = new LessonDriver(again.MainFrame);
        await resumed.Button("Continue").ClickAsync();
        Assert.Equal(3, await resumed.CurrentPageAsync());
        Assert.True(await again.Locator("#kc-pattern-b").IsCheckedAsync());
    }
}

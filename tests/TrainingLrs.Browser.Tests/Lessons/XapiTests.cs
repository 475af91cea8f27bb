using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>Statements to our LRS alongside SCORM and in the web launch: content, the offline queue, State API resume.</summary>
[Collection(BrowserCollection.Name)]
public sealed class XapiTests(BrowserFixture browser)
{
    private static async Task<(LessonSite Site, StubLrs Lrs)> StartAsync(string? homePage = null)
    {
        var lrs = new StubLrs();
        var site = await LessonSite.StartAsync(lrs.Map);
        lrs.Configure(site, homePage);
        return (site, lrs);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(100);
        }
    }

    private static string Verb(JsonObject s) => Cmi5Lms.Verb(s);

    [Fact]
    public async Task Scorm_learner_is_reported_to_our_lrs_under_the_lms_id_with_answers_scores_and_durations()
    {
        var (site, lrs) = await StartAsync(homePage: "https://lms.lakeside.example/");
        await using var _ = site;
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
        await WaitForAsync(() => lrs.Statements.Any(s => Verb(s) == "terminated"), "terminated");

        var statements = lrs.Statements.ToList();
        var verbs = statements.Select(Verb).ToList();
        Assert.Empty(lrs.Refusals);
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
        var (site, lrs) = await StartAsync();
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var url = site.Url(LessonSite.LessonPath("web")) + "?learnerId=raul-77&learnerName=Raul";
        await page.GotoAsync(url);
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        await WaitForAsync(() => lrs.Statements.Any(s => Verb(s) == "initialized"), "initialized");

        lrs.Available = false;
        await lesson.AnswerKnowledgeCheckAsync();
        var queued = await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('traininglrs:queue:')))).length");
        Assert.True(queued >= 3, "queued: " + queued);
        await page.ReloadAsync();
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await Task.Delay(1500);
        Assert.DoesNotContain(lrs.Statements, s => Verb(s) == "answered");

        lrs.Available = true;
        await WaitForAsync(() => lrs.Statements.Count(s => Verb(s) == "initialized") == 2 && lrs.Statements.Any(s => Verb(s) == "answered"), "the queue to drain", 30);
        await WaitForAsync(() => page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('traininglrs:queue:')))).length").Result == 0, "an empty queue");

        var statements = lrs.Statements.ToList();
        Assert.Single(statements, s => Verb(s) == "answered");
        Assert.Single(statements, s => Verb(s) == "terminated");
        // Progress to pages 2 and 3 before the reload, each once, although some posts were retried.
        Assert.Equal(["20", "40", "60"], statements.Where(s => Verb(s) == "progressed")
            .Select(s => s["result"]!["extensions"]!["https://w3id.org/xapi/cmi5/result/extensions/progress"]!.ToString()));
        Assert.True(lrs.Received.Count >= lrs.Stored.Count);
        Assert.All(statements, s => Assert.Equal(site.Address.GetLeftPart(UriPartial.Authority), (string)s["actor"]!["account"]!["homePage"]!));
    }

    [Fact]
    public async Task Web_launch_resumes_from_the_state_api_in_another_browser()
    {
        var (site, lrs) = await StartAsync();
        await using var _ = site;
        var url = site.Url(LessonSite.LessonPath("web")) + "?learnerId=kim-5&learnerName=Kim";
        await using (var first = await browser.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync(url);
            await LessonDriver.WaitForLaunchAsync(page.MainFrame);
            var lesson = new LessonDriver(page.MainFrame);
            await lesson.AnswerKnowledgeCheckAsync();
            await lesson.ExitAsync();
            await WaitForAsync(() => lrs.StateDocument("https://traininglrs.org/xapi/state/resume")?.Contains("\"p\":2", StringComparison.Ordinal) == true, "the resume state");
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

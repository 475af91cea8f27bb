using System.Text.RegularExpressions;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>Module 1 launched by a cmi5 LMS (played by <see cref="Cmi5Lms"/>): the statements it receives.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class Cmi5Tests(BrowserFixture browser)
{
    private const string Cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    private const string MoveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    private const string SessionExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

    private static async Task<(LessonSite Site, Cmi5Lms Lms)> StartAsync(Cmi5Lms lms)
    {
        LessonSite? site = null;
        site = await LessonSite.StartAsync(app => lms.Map(app, () => site!.Address));
        return (site, lms);
    }

    [Fact]
    public async Task A_reload_inside_a_session_neither_fetches_the_token_again_nor_starts_the_session_again()
    {
        var (site, lms) = await StartAsync(new Cmi5Lms(masteryScore: 0.8));
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await new LessonDriver(page.MainFrame).AnswerKnowledgeCheckAsync();

        // Leaving the page ends the cmi5 session (terminated); the reloaded page must not open it again.
        await page.ReloadAsync();
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        // Statements carry client-made ids and may be delivered twice (keepalive and queue); an LRS keeps one.
        var verbs = lms.Statements.DistinctBy(s => (string)s["id"]!).Select(Cmi5Lms.Verb).ToList();
        Assert.Empty(lms.Refusals);
        Assert.Equal(1, lms.Fetches);
        Assert.Equal("initialized", verbs[0]);
        Assert.Single(verbs, v => v == "initialized");
        Assert.Single(verbs, v => v == "terminated");
        Assert.Equal("terminated", verbs[^1]);
    }

    [Fact]
    public async Task Normal_launch_sends_initialized_first_terminated_last_and_one_judged_result_with_cmi5_categories()
    {
        var (site, lms) = await StartAsync(new Cmi5Lms(masteryScore: 0.8));
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        var lesson = new LessonDriver(page.MainFrame);
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        Assert.Equal("cmi5", await lesson.LaunchKindAsync());

        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.PlayScenarioAsync();
        // The LMS's masteryScore (0.8) replaces the package's pass mark (66%).
        Assert.Contains("80%", await page.EvaluateAsync<string>("String(window.TrainingLrsLesson.assessment.passMark) + '%'"));
        await lesson.TakeAssessmentAsync(pass: false);
        await lesson.RetryAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        var statements = lms.Statements.ToList();
        var verbs = statements.Select(Cmi5Lms.Verb).ToList();
        Assert.Empty(lms.Refusals);
        Assert.Equal(1, lms.Fetches);
        Assert.Equal("initialized", verbs[0]);
        Assert.Equal("terminated", verbs[^1]);
        Assert.Single(verbs, v => v == "completed");
        // One passed-or-failed per session: the failed first attempt was retried and passed, so only "passed" is sent.
        Assert.Single(verbs, v => v == "passed");
        Assert.DoesNotContain("failed", verbs);
        Assert.Contains("progressed", verbs);
        Assert.Equal(1 + 2 + 3 + 3, verbs.Count(v => v == "answered"));
        Assert.True(verbs.IndexOf("completed") < verbs.IndexOf("passed"));

        Assert.Equal(statements.Count, statements.Select(s => (string)s["id"]!).Distinct().Count());
        var timestamps = statements.Select(s => DateTimeOffset.Parse((string)s["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        foreach (var statement in statements)
        {
            var verb = Cmi5Lms.Verb(statement);
            var categories = Cmi5Lms.Categories(statement).ToList();
            var defined = verb is "initialized" or "completed" or "passed" or "failed" or "terminated";
            Assert.Equal(defined, categories.Contains(Cmi5Category));
            Assert.Equal(verb is "completed" or "passed" or "failed", categories.Contains(MoveOnCategory));
            Assert.Equal(Cmi5Lms.Registration, (string?)statement["context"]!["registration"]);
            Assert.Equal(Cmi5Lms.SessionId, (string?)statement["context"]!["extensions"]![SessionExtension]);
            Assert.Contains(Cmi5Lms.PublisherId, statement["context"]!["contextActivities"]!["grouping"]!.AsArray().Select(g => (string)g!["id"]!));
            Assert.Equal(Cmi5Lms.Actor.ToJsonString(), statement["actor"]!.ToJsonString());
            if (verb is "completed" or "passed" or "terminated")
            {
                Assert.Matches(IsoDuration(), (string)statement["result"]!["duration"]!);
            }

            if (defined && verb != "initialized")
            {
                Assert.Equal(LessonSite.ActivityId, (string)statement["object"]!["id"]!);
            }
        }

        var passed = statements.Single(s => Cmi5Lms.Verb(s) == "passed");
        Assert.Equal(1.0, (double)passed["result"]!["score"]!["scaled"]!);
        Assert.True((bool)passed["result"]!["success"]!);
        Assert.Equal(0.8, (double)passed["context"]!["extensions"]!["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"]!);
        var completed = statements.Single(s => Cmi5Lms.Verb(s) == "completed");
        Assert.True((bool)completed["result"]!["completion"]!);
        Assert.Null(completed["result"]!["score"]);
    }

    [Fact]
    public async Task Failing_without_a_retry_sends_failed_before_terminated_and_never_passed()
    {
        var (site, lms) = await StartAsync(new Cmi5Lms(masteryScore: 0.5));
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        var lesson = new LessonDriver(page.MainFrame);
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await lesson.TakeAssessmentAsync(pass: false);
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        var verbs = lms.Statements.Select(Cmi5Lms.Verb).ToList();
        Assert.Equal(["failed", "terminated"], verbs.TakeLast(2));
        Assert.DoesNotContain("passed", verbs);
        var failed = lms.Statements.Single(s => Cmi5Lms.Verb(s) == "failed");
        Assert.False((bool)failed["result"]!["success"]!);
        Assert.Equal(0.0, (double)failed["result"]!["score"]!["scaled"]!);
        Assert.Contains(MoveOnCategory, Cmi5Lms.Categories(failed));
    }

    [Fact]
    public async Task Closing_the_window_without_exiting_still_sends_terminated_last()
    {
        var (site, lms) = await StartAsync(new Cmi5Lms());
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await new LessonDriver(page.MainFrame).AnswerKnowledgeCheckAsync();
        await page.CloseAsync(new() { RunBeforeUnload = true });

        for (var i = 0; i < 100 && !lms.Statements.Any(s => Cmi5Lms.Verb(s) == "terminated"); i++)
        {
            await Task.Delay(100);
        }

        var verbs = lms.Statements.Select(Cmi5Lms.Verb).ToList();
        Assert.Equal("initialized", verbs[0]);
        Assert.Equal("terminated", verbs[^1]);
        Assert.Contains("answered", verbs);
        Assert.DoesNotContain("completed", verbs);
    }

    [Theory]
    [InlineData("Browse")]
    [InlineData("Review")]
    public async Task Browse_and_review_launches_send_only_initialized_and_terminated(string mode)
    {
        var (site, lms) = await StartAsync(new Cmi5Lms(launchMode: mode));
        await using var _ = site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        var lesson = new LessonDriver(page.MainFrame);
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        Assert.Equal(["initialized", "terminated"], lms.Statements.Select(Cmi5Lms.Verb));
        Assert.All(lms.Statements, s => Assert.Contains(Cmi5Category, Cmi5Lms.Categories(s)));
    }

    [GeneratedRegex(@"^PT(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?$")]
    private static partial Regex IsoDuration();
}

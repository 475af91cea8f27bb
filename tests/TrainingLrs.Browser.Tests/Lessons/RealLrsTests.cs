using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>
/// The lesson in an LMS frame (SCORM) or launched by a cmi5 LMS, reporting to our real server on
/// another origin: statements land in the LRS under the partner of the lesson key, and the learner's
/// completion row follows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealLrsTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Lakeside = "https://lms.lakeside.example/";
    private const string ResumeState = "https://traininglrs.org/xapi/state/resume";
    private OurLrs _lrs = null!;

    public async Task InitializeAsync() => _lrs = await OurLrs.StartAsync();

    public async Task DisposeAsync() => await _lrs.DisposeAsync();

    [Fact]
    public async Task A_scorm_learner_reaches_our_lrs_across_origins_and_their_completion_row_counts_for_the_partner()
    {
        await using var site = await LessonSite.StartAsync(lrs: _lrs.Connect(new Uri(Lakeside)));
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var seed = new Dictionary<string, string> { ["cmi.core.student_id"] = "ana-1024", ["cmi.core.student_name"] = "Ruiz, Ana" };

        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2", seed));
        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();

        var row = await _lrs.CompletionAsync(Lakeside, "ana-1024");
        Assert.NotNull(row);
        Assert.Equal(OurLrs.PartnerId, row.PartnerId);
        Assert.True(row.Satisfied);
        Assert.Equal(CompletionStatus.Passed, row.Status);
        Assert.Equal(1, row.Attempts);
        var stored = _lrs.Stored();
        Assert.All(stored, s => Assert.Equal(OurLrs.PartnerId, s.PartnerId));
        Assert.Contains(stored, s => s.Json.Contains("\"http://adlnet.gov/expapi/verbs/terminated\"", StringComparison.Ordinal));
        Assert.Equal(stored.Count, stored.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Statements_made_while_our_server_is_down_arrive_once_when_it_is_back()
    {
        await using var site = await LessonSite.StartAsync(lrs: _lrs.Connect(new Uri(Lakeside)));
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var seed = new Dictionary<string, string> { ["cmi.core.student_id"] = "ben-7", ["cmi.core.student_name"] = "Ode, Ben" };
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2", seed));
        await lesson.AnswerKnowledgeCheckAsync();

        // The server goes away mid-lesson (a deploy, a network cut) and comes back on the same address and data.
        await _lrs.StopAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await _lrs.RestartAsync();
        await lesson.ExitAsync();

        var verbs = (await _lrs.WaitForAsync("terminated", seconds: 45)).Select(OurLrs.Verb).ToList();
        Assert.Single(verbs, v => v == "initialized");
        Assert.Single(verbs, v => v == "passed");
        Assert.Single(verbs, v => v == "completed");
        Assert.Single(verbs, v => v == "terminated");
        Assert.True(verbs.Count(v => v == "answered") >= 4, "answers made while the server was down were lost");
        Assert.True((await _lrs.CompletionAsync(Lakeside, "ben-7"))?.Satisfied);
    }

    [Fact]
    public async Task A_cmi5_learner_reaches_our_lrs_as_well_and_the_lms_still_gets_its_cmi5_session()
    {
        var lms = new Cmi5Lms(masteryScore: 0.8);
        await using var site = await lms.StartSiteAsync(_lrs.Connect(new Uri(Lakeside)));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        Assert.Equal("cmi5", await lesson.LaunchKindAsync());

        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.TakeAssessmentAsync(pass: false);
        await lesson.RetryAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        // The LMS's cmi5 session is what it was without the copy: one judged verb, one completed, in order.
        var verbs = lms.Statements.Select(Cmi5Lms.Verb).ToList();
        Assert.Empty(lms.Refusals);
        Assert.Equal(1, lms.Fetches);
        Assert.Equal("initialized", verbs[0]);
        Assert.Equal("terminated", verbs[^1]);
        Assert.Single(verbs, v => v == "completed");
        Assert.Single(verbs, v => v == "passed");
        Assert.DoesNotContain("failed", verbs);
        Assert.All(lms.Statements, s => Assert.Equal(Cmi5Lms.Actor.ToJsonString(), s["actor"]!.ToJsonString()));

        var ours = await _lrs.WaitForAsync("terminated");
        var ourVerbs = ours.Select(OurLrs.Verb).ToList();
        Assert.All(_lrs.Stored(), s => Assert.Equal(OurLrs.PartnerId, s.PartnerId));
        Assert.Equal("initialized", ourVerbs[0]);
        Assert.Equal("terminated", ourVerbs[^1]);
        // A copy has flags of its own: the LMS having been told "completed" does not stop our LRS being told.
        Assert.Single(ourVerbs, v => v == "completed");
        Assert.Equal(["failed", "passed"], ourVerbs.Where(v => v is "failed" or "passed"));
        Assert.Equal(1 + 3 + 3, ourVerbs.Count(v => v == "answered"));
        Assert.All(ours, s =>
        {
            // The same person as in the partner's SCORM packages: the configured LMS home page and the LMS's learner id.
            Assert.Equal(Lakeside, (string)s["actor"]!["account"]!["homePage"]!);
            Assert.Equal("ana-1024", (string)s["actor"]!["account"]!["name"]!);
            Assert.Equal(Cmi5Lms.Registration, (string)s["context"]!["registration"]!);
            Assert.Equal(Cmi5Lms.SessionId, (string)s["context"]!["extensions"]!["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]!);
            Assert.Contains(LessonSite.CourseId, s["context"]!["contextActivities"]!["grouping"]!.AsArray().Select(g => (string)g!["id"]!));
        });
        Assert.Equal(LessonSite.ActivityId, (string)ours.Single(s => OurLrs.Verb(s) == "passed")["object"]!["id"]!);

        var row = await _lrs.CompletionAsync(Lakeside, "ana-1024");
        Assert.NotNull(row);
        Assert.Equal(OurLrs.PartnerId, row.PartnerId);
        Assert.Equal(CompletionStatus.Passed, row.Status);
    }

    [Fact]
    public async Task A_cmi5_learner_who_finished_before_the_copy_existed_is_reported_completed_to_our_lrs_on_the_next_launch()
    {
        var lms = new Cmi5Lms();
        // Resume state as the runtime wrote it before the copy: one set of flags (d) for the cmi5 LMS, which was told "completed".
        lms.SeedState(ResumeState, """{"v":1,"p":4,"s":"11111","d":{"end":1,"completed":true},"k":{},"c":{},"a":{"n":0,"q":"","r":{},"ok":0}}""");
        await using var site = await lms.StartSiteAsync(_lrs.Connect());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        await lesson.Frame.GetByText("Continue where you left off?").WaitForAsync();
        await lesson.Button("Continue").ClickAsync();
        Assert.Equal(5, await lesson.CurrentPageAsync());
        await lesson.ExitAsync();
        await page.WaitForURLAsync("**/lms/return");

        Assert.DoesNotContain("completed", lms.Statements.Select(Cmi5Lms.Verb));
        Assert.Single((await _lrs.WaitForAsync("terminated")).Select(OurLrs.Verb), v => v == "completed");
        // Without a configured LMS home page, the cmi5 actor's own account identifies the learner.
        Assert.True((await _lrs.CompletionAsync("https://lms.lakeside.example", "ana-1024"))?.Satisfied);
        // The new flags are kept in the resume state (its last PUT is a keepalive request, so it may land after the return page).
        for (var i = 0; i < 100 && lms.State(ResumeState)?.Contains("\"o\":", StringComparison.Ordinal) != true; i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("\"o\":{\"completed\":true}", lms.State(ResumeState), StringComparison.Ordinal);
    }
}

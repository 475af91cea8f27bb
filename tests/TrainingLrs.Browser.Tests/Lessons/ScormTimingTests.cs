using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>When the lesson commits, what it does in review mode, and how it keeps suspend data in budget.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScormTimingTests(BrowserFixture browser)
{
    private static int Commits(IEnumerable<ScormCall> calls) => calls.Count(c => c.Fn is "LMSCommit" or "Commit");

    [Fact]
    public async Task Lesson_commits_every_45_seconds_and_when_it_is_hidden()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        await host.Clock.InstallAsync();
        var frame = await ScormHost.OpenInFrameAsync(host, site, "1.2");
        var afterStart = Commits(await ScormHost.CallsAsync(host));

        await host.Clock.RunForAsync(44_000);
        Assert.Equal(afterStart, Commits(await ScormHost.CallsAsync(host)));
        await host.Clock.RunForAsync(2_000);
        Assert.Equal(afterStart + 1, Commits(await ScormHost.CallsAsync(host)));

        await frame.EvaluateAsync("""
            () => {
              Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
              document.dispatchEvent(new Event('visibilitychange'));
            }
            """);
        var calls = await ScormHost.CallsAsync(host);
        Assert.Equal(afterStart + 2, Commits(calls));
        Assert.Equal("LMSCommit", calls[^1].Fn);
        Assert.Equal("cmi.suspend_data", calls[^2].Key);
    }

    [Theory]
    [InlineData("1.2", "cmi.core.lesson_mode")]
    [InlineData("2004", "cmi.mode")]
    public async Task Review_launch_changes_nothing_the_learner_has_on_record(string version, string modeElement)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var status = version == "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status";
        var seed = new Dictionary<string, string> { [modeElement] = "review", [status] = version == "1.2" ? "passed" : "completed" };
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, version, seed));
        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.TakeAssessmentAsync(pass: false);
        await lesson.ExitAsync();
        await lesson.Frame.GetByText("Your progress is saved").WaitForAsync();

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession(version, calls);
        // Session time, exit and the navigation request (2004) say how this session ended, not what the learner achieved.
        var changed = ScormHost.Stored(calls).Keys.Where(k => k is not ("cmi.core.session_time" or "cmi.session_time" or "cmi.core.exit" or "cmi.exit" or "adl.nav.request")).ToList();
        Assert.Empty(changed);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(64000)]
    public async Task Suspend_data_stays_within_the_budget_even_with_many_answers(int limit)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(LessonSite.LessonPath("web")));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);

        var result = await page.EvaluateAsync<int[]>("""
            (limit) => {
              const ns = window.TrainingLrs;
              const snap = ns.emptySnapshot();
              snap.p = 7;
              snap.as = { n: 2, q: ['q-scope', 'q-host'], r: { 'q-scope': ['b'], 'q-host': ['b'] }, s: 100, ok: true };
              for (let i = 0; i < 3000; i++) { snap.kc['knowledge-check-' + i] = ['a', 'b']; snap.sc['scenario-' + i] = ['a', 'b']; }
              const text = ns.encodeSnapshot(snap, limit);
              const back = ns.decodeSnapshot(text);
              return [text.length, back.p, back.as.n, back.as.ok ? 1 : 0, back.as.r['q-host'].length];
            }
            """, limit);
        Assert.True(result[0] <= limit, $"{result[0]} characters");
        Assert.Equal([7, 2, 1, 1], result[1..]);
    }
}

using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>Module 1 in an LMS frame, with scorm-again as the LMS: what the LMS receives, and resume.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScormTests(BrowserFixture browser)
{
    private static string Status(string version) => version == "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status";

    [Theory]
    [InlineData("1.2")]
    [InlineData("2004")]
    public async Task Learner_who_fails_then_passes_is_reported_in_the_versions_formats_and_order(string version)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, version));
        Assert.Equal("scorm-" + version, await lesson.LaunchKindAsync());

        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.PlayScenarioAsync();
        await lesson.TakeAssessmentAsync(pass: false);
        Assert.Contains("did not reach the pass mark", await lesson.ResultTextAsync());
        var beforeRetry = ScormHost.Stored(await ScormHost.CallsAsync(host));
        await lesson.RetryAsync();
        await lesson.TakeAssessmentAsync(pass: true);
        Assert.Contains("You passed", await lesson.ResultTextAsync());
        await lesson.ExitAsync();
        await lesson.Frame.GetByText("Your progress is saved").WaitForAsync();

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession(version, calls);
        var sets = calls.Where(c => c.Fn is "LMSSetValue" or "SetValue").ToList();
        var stored = ScormHost.Stored(calls);
        if (version == "1.2")
        {
            Assert.Equal(["incomplete", "completed", "failed", "passed"], sets.Where(c => c.Key == Status(version)).Select(c => c.Value));
            Assert.Equal("0", beforeRetry["cmi.core.score.raw"]);
            Assert.Equal("100", stored["cmi.core.score.raw"]);
            Assert.Equal("", stored["cmi.core.exit"]);
            Assert.Contains(sets, c => c.Key.EndsWith(".result", StringComparison.Ordinal) && c.Value == "wrong");
        }
        else
        {
            Assert.Equal(["incomplete", "completed"], sets.Where(c => c.Key == Status(version)).Select(c => c.Value));
            Assert.Equal(["failed", "passed"], sets.Where(c => c.Key == "cmi.success_status").Select(c => c.Value));
            Assert.Equal("0", beforeRetry["cmi.score.scaled"]);
            Assert.Equal("1", stored["cmi.score.scaled"]);
            Assert.Equal("normal", stored["cmi.exit"]);
            Assert.Contains(sets, c => c.Key.EndsWith(".result", StringComparison.Ordinal) && c.Value == "incorrect");
        }

        // Knowledge check, two scenario steps, and two attempts of three questions each.
        Assert.Equal(1 + 2 + 3 + 3, sets.Count(c => c.Key.EndsWith(".id", StringComparison.Ordinal) && c.Key.StartsWith("cmi.interactions.", StringComparison.Ordinal)));
        Assert.True(sets.Any(c => c.Key.StartsWith("cmi.interactions.", StringComparison.Ordinal) && c.Value == "kc-pattern"),
            string.Join("\n", sets.Where(c => c.Key.StartsWith("cmi.interactions.", StringComparison.Ordinal))));
        // Status changes are committed at once, not only at the end.
        var commits = calls.Select((c, i) => (c, i)).Where(x => x.c.Fn is "LMSCommit" or "Commit").Select(x => x.i).ToList();
        var completedAt = sets.FindIndex(c => c.Value == "completed");
        Assert.True(commits.Count >= 3, "commits: " + commits.Count);
        Assert.Contains(commits, i => i > calls.ToList().IndexOf(sets[completedAt]) && i < calls.Count - 3);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("2004")]
    public async Task Learner_who_closes_mid_way_resumes_on_the_same_page_with_answers_kept(string version)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, version));
        await lesson.AnswerKnowledgeCheckAsync();
        await lesson.PlayScenarioAsync();
        await lesson.Button("Previous").ClickAsync();
        Assert.Equal(3, await lesson.CurrentPageAsync());

        // The LMS closes the frame: the lesson must suspend and finish on pagehide.
        await host.EvaluateAsync("document.getElementById('sco').remove()");
        var calls = await ScormHost.CallsAsync(host);
        // The LMS is navigating already: a navigation request from the lesson would compete with its own.
        Assert.DoesNotContain(calls, c => c.Key == "adl.nav.request");
        ScormRules.AssertSession(version, calls);
        var stored = ScormHost.Stored(calls);
        Assert.Equal("suspend", stored[version == "1.2" ? "cmi.core.exit" : "cmi.exit"]);
        Assert.Equal("2", stored[version == "1.2" ? "cmi.core.lesson_location" : "cmi.location"]);
        Assert.Equal("incomplete", stored[Status(version)]);

        // A new session: the LMS hands back what it stored, with entry=resume.
        var seed = new Dictionary<string, string>
        {
            ["cmi.suspend_data"] = stored["cmi.suspend_data"],
            [version == "1.2" ? "cmi.core.lesson_location" : "cmi.location"] = stored[version == "1.2" ? "cmi.core.lesson_location" : "cmi.location"],
            [version == "1.2" ? "cmi.core.entry" : "cmi.entry"] = "resume",
            [Status(version)] = "incomplete",
        };
        var next = await context.NewPageAsync();
        var resumed = new LessonDriver(await ScormHost.OpenInFrameAsync(next, site, version, seed));
        await resumed.Frame.GetByText("Continue where you left off?").WaitForAsync();
        await resumed.Button("Continue").ClickAsync();

        Assert.Equal(3, await resumed.CurrentPageAsync());
        Assert.Equal("What enforcement shows", await resumed.VisibleHeadingAsync());
        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.True(await resumed.Frame.Locator($"#kc-pattern-{key}").IsCheckedAsync());
        }

        Assert.False(await resumed.Frame.Locator("#kc-pattern-d").IsCheckedAsync());
        Assert.Equal("Correct.", (await resumed.Frame.Locator("form.knowledge-check .feedback").InnerTextAsync()).Trim());
        await resumed.GoToPageAsync(4);
        Assert.True(await resumed.Frame.Locator("#floor-map-step-2-a").IsCheckedAsync());
        Assert.True(await resumed.Frame.Locator("#floor-map-step-2").IsVisibleAsync());

        var secondCalls = await ScormHost.CallsAsync(next);
        // A resumed session does not set the status back to incomplete, and nothing was finished yet.
        Assert.DoesNotContain(secondCalls, c => c.Fn is "LMSSetValue" or "SetValue" && c.Key == Status(version));
        Assert.DoesNotContain(secondCalls, c => c.Fn is "LMSFinish" or "Terminate");
    }

    [Theory]
    [InlineData("1.2", "cmi.student_data.mastery_score", "100", "cmi.core.lesson_status")]
    [InlineData("2004", "cmi.scaled_passing_score", "1", "cmi.success_status")]
    public async Task Mastery_score_from_the_lms_decides_pass_or_fail(string version, string element, string value, string success)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, version, new Dictionary<string, string> { [element] = value }));

        // Two of three right is 67 %: a pass with the package's 66 %, a fail with the LMS's 100 %.
        await lesson.TakeAssessmentAsync(right: 2);
        Assert.Contains("You pass with 100% or more", await lesson.Frame.Locator(".assessment-rules").InnerTextAsync());
        Assert.Contains("did not reach the pass mark", await lesson.ResultTextAsync());
        Assert.Equal("failed", ScormHost.Stored(await ScormHost.CallsAsync(host))[success]);
    }

    [Fact]
    public async Task Lesson_finds_the_api_past_a_cross_origin_player_frame()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        // LMS and lesson on 127.0.0.1, the player frame between them on localhost: another origin.
        var lessonUrl = site.Url(LessonSite.LessonPath("scorm2004"));
        var player = site.Url("wrapper.html").Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "?inner=" + Uri.EscapeDataString(lessonUrl);
        await host.GotoAsync(site.Url("lms.html?api=2004&sco=" + Uri.EscapeDataString(player)));
        IFrame? frame = null;
        for (var i = 0; i < 100 && frame is null; i++, await Task.Delay(100))
        {
            frame = host.Frames.FirstOrDefault(f => f.Url.StartsWith(lessonUrl, StringComparison.Ordinal));
        }

        Assert.NotNull(frame);
        await LessonDriver.WaitForLaunchAsync(frame);
        var lesson = new LessonDriver(frame);
        Assert.False(await frame.EvaluateAsync<bool>("() => { try { return !!window.parent.document; } catch { return false; } }"), "the player frame should be cross-origin");

        Assert.Equal("scorm-2004", await lesson.LaunchKindAsync());
        await lesson.ExitAsync();
        ScormRules.AssertSession("2004", await ScormHost.CallsAsync(host));
    }

    [Fact]
    public async Task Lesson_in_a_popup_finds_the_api_through_its_opener_terminates_once_and_closes_itself()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var popupTask = host.WaitForPopupAsync();
        await host.GotoAsync(site.Url($"lms.html?api=2004&mode=popup&sco={Uri.EscapeDataString(LessonSite.LessonPath("scorm2004"))}"));
        var popup = await popupTask;
        await LessonDriver.WaitForLaunchAsync(popup.MainFrame);
        var lesson = new LessonDriver(popup.MainFrame);
        Assert.Equal("scorm-2004", await lesson.LaunchKindAsync());
        await lesson.NextAsync();
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        await lesson.ExitAsync();
        // The LMS left its popup alone after Terminate, so the lesson closes it.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession("2004", calls);
        Assert.Equal("suspend", ScormHost.Stored(calls)["cmi.exit"]);
        Assert.Equal("suspendAll", ScormHost.Stored(calls)["adl.nav.request"]);
    }
}

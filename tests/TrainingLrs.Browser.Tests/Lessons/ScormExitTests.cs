using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>
/// "Save and exit" with scorm-again as the LMS: the SCORM 2004 navigation request that tells the LMS
/// how the attempt ends, and the popup the LMS opened (closed by the lesson unless the LMS reused it).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScormExitTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true, "normal", "exit")]
    [InlineData(false, "suspend", "suspendAll")]
    public async Task Exit_button_asks_the_lms_to_exit_a_finished_attempt_or_suspend_an_unfinished_one(bool finish, string exit, string request)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "2004"));
        if (finish)
        {
            await lesson.TakeAssessmentAsync(pass: true);
        }
        else
        {
            await lesson.NextAsync();
        }

        await lesson.ExitAsync();
        await lesson.Frame.GetByText("Your progress is saved").WaitForAsync();

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession("2004", calls);
        Assert.Equal(exit, ScormHost.Stored(calls)["cmi.exit"]);
        var navigation = calls.Where(c => c.Fn == "SetValue" && c.Key == "adl.nav.request").ToList();
        Assert.Equal([request], navigation.Select(c => c.Value));
        // The request is read when the SCO terminates, so it must be set before Terminate.
        Assert.True(calls.ToList().IndexOf(navigation[0]) < calls.Count - 1);
    }

    [Fact]
    public async Task Exit_button_in_scorm_12_sends_no_navigation_request()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var lesson = new LessonDriver(await ScormHost.OpenInFrameAsync(host, site, "1.2"));
        await lesson.ExitAsync();
        await lesson.Frame.GetByText("Your progress is saved").WaitForAsync();

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession("1.2", calls);
        Assert.DoesNotContain(calls, c => c.Key.StartsWith("adl.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scorm_12_popup_closes_itself_after_the_session_is_finished()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var popupTask = host.WaitForPopupAsync();
        await host.GotoAsync(site.Url($"lms.html?api=1.2&mode=popup&sco={Uri.EscapeDataString(LessonSite.LessonPath("scorm12"))}"));
        var popup = await popupTask;
        await LessonDriver.WaitForLaunchAsync(popup.MainFrame);
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        await new LessonDriver(popup.MainFrame).ExitAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var calls = await ScormHost.CallsAsync(host);
        ScormRules.AssertSession("1.2", calls);
        Assert.Equal("suspend", ScormHost.Stored(calls)["cmi.core.exit"]);
    }

    [Fact]
    public async Task A_popup_the_lms_loads_its_next_page_into_after_terminate_is_left_open()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var popupTask = host.WaitForPopupAsync();
        await host.GotoAsync(site.Url($"lms.html?api=2004&mode=popup&after=navigate&sco={Uri.EscapeDataString(LessonSite.LessonPath("scorm2004"))}"));
        var popup = await popupTask;
        await LessonDriver.WaitForLaunchAsync(popup.MainFrame);
        await new LessonDriver(popup.MainFrame).ExitAsync();
        await popup.WaitForURLAsync("about:blank");

        // Longer than the lesson waits before closing its popup.
        await Task.Delay(2000);
        Assert.False(popup.IsClosed);
        ScormRules.AssertSession("2004", await ScormHost.CallsAsync(host));
    }
}

using System.IO.Compression;
using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;
using Xunit.Abstractions;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>The lesson for everyone: axe on each page type, keyboard only, small screens and zoom, print, weight.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static async Task<IPage> OpenWebLessonAsync(IBrowserContext context, LessonSite site)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(LessonSite.LessonPath("web")) + "?learnerId=axe");
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, where + ":\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Every_page_type_has_no_wcag_21_aa_violations(int width)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync(width, 800);
        var page = await OpenWebLessonAsync(context, site);
        var lesson = new LessonDriver(page.MainFrame);
        await AssertNoViolationsAsync(page, "objectives page");
        await lesson.AnswerKnowledgeCheckAsync(right: false);
        await AssertNoViolationsAsync(page, "knowledge check with feedback");
        await lesson.PlayScenarioAsync();
        await AssertNoViolationsAsync(page, "scenario with consequences");
        await lesson.TakeAssessmentAsync(pass: false);
        await AssertNoViolationsAsync(page, "assessment after a failed attempt");

        var again = await OpenWebLessonAsync(context, site);
        await again.GetByText("Continue where you left off?").WaitForAsync();
        await AssertNoViolationsAsync(again, "resume prompt");
        await new LessonDriver(again.MainFrame).ExitAsync();
        await AssertNoViolationsAsync(again, "session ended");
    }

    [Fact]
    public async Task Keyboard_only_learner_completes_and_passes_the_module_in_an_lms()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var host = await context.NewPageAsync();
        var frame = await ScormHost.OpenInFrameAsync(host, site, "2004");
        var keys = new KeyboardLearner(host, frame);

        for (var page = 1; page < 5; page++)
        {
            await keys.TabToAsync("button.pager-next");
            await host.Keyboard.PressAsync("Enter");
            // Focus follows the learner to the new page's heading, which screen readers announce.
            Assert.Equal("H2", await frame.EvaluateAsync<string>("document.activeElement.tagName"));
            if (page == 2)
            {
                foreach (var key in new[] { "a", "b", "c" })
                {
                    await keys.TabToAsync($"#kc-pattern-{key}");
                    await host.Keyboard.PressAsync("Space");
                }

                await keys.TabToAsync("form.knowledge-check button");
                await host.Keyboard.PressAsync("Enter");
                Assert.Equal("Correct.", (await frame.Locator("form.knowledge-check [role=status]").InnerTextAsync()).Trim());
            }
        }

        var questions = await frame.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('form.assessment-form fieldset.question:not(.is-hidden)')].map(q => {
              const key = window.TrainingLrsLesson.assessment.questions.find(x => x.id === q.dataset.question);
              return q.dataset.question + '|' + [...q.querySelectorAll('input')].findIndex(i => key.correct.includes(i.value));
            })
            """);
        foreach (var question in questions)
        {
            var (id, index) = (question.Split('|')[0], int.Parse(question.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
            await keys.TabToAsync($"#{id} input");
            await host.Keyboard.PressAsync("Space");
            for (var i = 0; i < index; i++)
            {
                await host.Keyboard.PressAsync("ArrowDown");
            }
        }

        await keys.TabToAsync("button.submit");
        await host.Keyboard.PressAsync("Enter");
        Assert.Contains("You passed", await frame.Locator("form.assessment-form [role=status]").InnerTextAsync());
        await keys.TabToAsync("button.pager-exit");
        await host.Keyboard.PressAsync("Enter");
        await frame.GetByText("Your progress is saved").WaitForAsync();

        var stored = ScormHost.Stored(await ScormHost.CallsAsync(host));
        Assert.Equal("completed", stored["cmi.completion_status"]);
        Assert.Equal("passed", stored["cmi.success_status"]);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(640)] // a 1280 px window at 200 % zoom
    public async Task Every_page_reflows_without_horizontal_scrolling(int width)
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync(width, 700);
        var page = await OpenWebLessonAsync(context, site);
        var lesson = new LessonDriver(page.MainFrame);
        for (var number = 1; number <= 5; number++)
        {
            await lesson.GoToPageAsync(number);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"page {number} scrolls sideways by {overflow}px at {width}px");
        }
    }

    [Fact]
    public async Task Print_shows_every_page_without_the_controls()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await OpenWebLessonAsync(context, site);
        await page.EmulateMediaAsync(new() { Media = Media.Print, ReducedMotion = ReducedMotion.Reduce });

        Assert.True(await page.Locator("#what-enforcement-shows").IsVisibleAsync());
        Assert.True(await page.Locator("#final-title").IsVisibleAsync());
        Assert.False(await page.Locator("nav.pager").IsVisibleAsync());
    }

    [Fact]
    public async Task Lesson_page_runtime_and_css_weigh_at_most_100_kb_gzipped()
    {
        await using var site = await LessonSite.StartAsync();
        var web = Path.Combine(site.Root, "web");
        var files = new[] { Path.Combine(web, "why-this-matters", "en", "index.html") }
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "assets"), "*.js"))
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "assets"), "*.css"))
            .ToList();
        long raw = 0, gzipped = 0;
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                await gzip.WriteAsync(bytes);
            }

            raw += bytes.Length;
            gzipped += buffer.Length;
            output.WriteLine($"{Path.GetFileName(file),-18} {bytes.Length,8:N0} B  {buffer.Length,7:N0} B gzipped");
        }

        output.WriteLine($"lesson page weight: {raw / 1024.0:F1} KB, {gzipped / 1024.0:F1} KB gzipped ({files.Count} files, each gzipped on its own)");
        Console.WriteLine($"lesson page weight: {gzipped / 1024.0:F1} KB gzipped");
        Assert.True(gzipped <= 100 * 1024, $"{gzipped} bytes gzipped");
    }
}

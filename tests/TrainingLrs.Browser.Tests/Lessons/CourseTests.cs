using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>The runtime on every module the course has, not only module 1.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_module_in_both_languages_runs_without_script_errors_and_its_last_page_passes_axe()
    {
        await using var site = await LessonSite.StartAsync(wholeCourse: true);
        var pages = Directory.EnumerateFiles(Path.Combine(site.Root, "web"), "index.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 2, "no lessons compiled");
        await using var context = await browser.NewContextAsync();
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => problems.Add($"{path}: {error}");
            await page.GotoAsync(site.Url(path));
            await LessonDriver.WaitForLaunchAsync(page.MainFrame);
            var count = await page.EvaluateAsync<int>("document.querySelector('.pager progress').max");
            for (var i = 1; i < count; i++)
            {
                await page.Locator("button.pager-next").ClickAsync();
            }

            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator(".pager progress").GetAttributeAsync("value"));
            problems.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

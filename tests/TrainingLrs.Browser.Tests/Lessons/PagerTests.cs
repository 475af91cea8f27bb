using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>The lesson shown a page at a time: contents links, progress, and the learner's language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagerTests(BrowserFixture browser)
{
    [Fact]
    public async Task Contents_link_to_a_later_section_opens_its_page_and_updates_the_progress()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(LessonSite.LessonPath("web")));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        var lesson = new LessonDriver(page.MainFrame);
        Assert.Equal("Page 1 of 5", await page.Locator(".pager-status").InnerTextAsync());
        Assert.False(await page.Locator("#what-enforcement-shows").IsVisibleAsync());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" }).GetByRole(AriaRole.Link, new() { Name = "What enforcement shows" }).ClickAsync();

        Assert.True(await page.Locator("#what-enforcement-shows").IsVisibleAsync());
        Assert.Equal(3, await lesson.CurrentPageAsync());
        Assert.Equal("3", await page.Locator(".pager progress").GetAttributeAsync("value"));
        Assert.Equal("what-enforcement-shows", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Spanish_lesson_speaks_spanish_in_the_pager_and_prompts()
    {
        await using var site = await LessonSite.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("web/why-this-matters/es/index.html"));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);

        Assert.Equal("Página 1 de 5", await page.Locator(".pager-status").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Siguiente" }).ClickAsync();
        await page.ReloadAsync();
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        await page.GetByText("¿Continuar donde lo dejó?").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
        Assert.Equal("Página 2 de 5", await page.Locator(".pager-status").InnerTextAsync());
    }
}

using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TrainingLrs.Browser.Tests.Lessons.Support;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons;

/// <summary>
/// What a cmi5 LMS tells the lesson beyond the launch itself: the learner's preferences (language,
/// audio) and the AU's launchParameters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Cmi5PreferencesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_learner_who_prefers_spanish_gets_the_spanish_edition_and_the_lms_one_session_from_it()
    {
        var preferences = new JsonObject { ["languagePreference"] = "fr-CA,es-MX,en-US", ["audioPreference"] = "on" };
        var lms = new Cmi5Lms { Preferences = preferences };
        await using var site = await lms.StartSiteAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // The AU is our hosted lesson, where every edition sits beside the others.
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site, "web"));
        await page.WaitForURLAsync("**/why-this-matters/es/index.html?**");
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        Assert.Equal("es", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("cmi5", await new LessonDriver(page.MainFrame).LaunchKindAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar y salir", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/lms/return");

        var statements = lms.Statements.DistinctBy(s => (string)s["id"]!).ToList();
        Assert.Empty(lms.Refusals);
        Assert.Equal(1, lms.Fetches);
        var verbs = statements.Select(Cmi5Lms.Verb).ToList();
        Assert.Equal("initialized", verbs[0]);
        Assert.Single(verbs, v => v == "initialized");
        Assert.Equal("terminated", verbs[^1]);
        Assert.All(statements, s => Assert.Equal("es", (string)s["context"]!["language"]!));
    }

    [Fact]
    public async Task Preferring_a_language_the_package_does_not_hold_keeps_the_lesson_in_its_own()
    {
        var lms = new Cmi5Lms { Preferences = new JsonObject { ["languagePreference"] = "es" } };
        await using var site = await lms.StartSiteAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        Assert.EndsWith(LessonSite.LessonPath("cmi5"), new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("cmi5", await new LessonDriver(page.MainFrame).LaunchKindAsync());
        await new LessonDriver(page.MainFrame).ExitAsync();
        await page.WaitForURLAsync("**/lms/return");
        Assert.Equal("initialized", Cmi5Lms.Verb(lms.Statements.First()));
    }

    [Theory]
    [InlineData("""{"language":"es"}""")]
    [InlineData("language=es")]
    public async Task Launch_parameters_choose_the_edition_before_the_learners_preference(string launchParameters)
    {
        var lms = new Cmi5Lms { Preferences = new JsonObject { ["languagePreference"] = "en" }, LaunchParameters = launchParameters };
        await using var site = await lms.StartSiteAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site, "web"));
        await page.WaitForURLAsync("**/why-this-matters/es/index.html?**");
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        Assert.Equal("es", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Theory]
    [InlineData("off", true)]
    [InlineData("on", false)]
    public async Task Audio_preference_off_mutes_the_lessons_media(string preference, bool muted)
    {
        await using var site = await new Cmi5Lms { Preferences = new JsonObject { ["audioPreference"] = preference } }.StartSiteAsync();
        // Module 1 has no audio yet; the lesson page gets a clip as a module with narration would have.
        var file = Path.Combine(site.Root, LessonSite.LessonPath("cmi5"));
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("</main>", "<audio controls src=\"media/narration.mp3\"></audio></main>", StringComparison.Ordinal));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Cmi5Lms.LaunchUrl(site));
        await LessonDriver.WaitForLaunchAsync(page.MainFrame);
        Assert.Equal(preference, await page.EvaluateAsync<string>("document.documentElement.dataset.audio"));
        Assert.Equal(muted, await page.EvaluateAsync<bool>("document.querySelector('audio').muted"));
    }
}

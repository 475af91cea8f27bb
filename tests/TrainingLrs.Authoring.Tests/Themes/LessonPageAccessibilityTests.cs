using AngleSharp.Html.Parser;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Themes;

/// <summary>The real module page, rendered with the default theme, has the structure assistive technology relies on.</summary>
public sealed class LessonPageAccessibilityTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Lesson_page_has_landmarks_labels_and_live_regions(string language)
    {
        using var temp = new TempFolder();
        var result = CourseCompiler.Compile(new CompileOptions
        {
            ContentDirectory = RepoPaths.Content,
            ThemesDirectory = RepoPaths.Themes,
            OutputDirectory = temp.Combine("dist"),
            Formats = PackageFormats.Web,
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "why-this-matters", language, "index.html"));
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.All(page.QuerySelectorAll("input"), input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.All(page.QuerySelectorAll("fieldset"), fieldset => Assert.NotNull(fieldset.QuerySelector("legend")));
        Assert.All(page.QuerySelectorAll("form"), form => Assert.NotNull(form.QuerySelector("[aria-live]")));
        Assert.All(page.QuerySelectorAll("img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        Assert.NotNull(page.QuerySelector("script#lesson-data[type='application/json']"));
        Assert.NotNull(page.QuerySelector("script[src='../../assets/runtime.js']"));
        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} then h{pair.Second}"));
    }
}

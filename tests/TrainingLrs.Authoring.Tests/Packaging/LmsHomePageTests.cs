using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Packaging;

/// <summary>The runtime names learners by their LMS id under the partner LMS's home page when the package knows it.</summary>
public sealed class LmsHomePageTests
{
    [Fact]
    public void Package_with_a_known_lms_home_page_carries_it_for_learner_accounts()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var lrs = new LrsConnection(new Uri("https://lrs.example.org/xapi/"), "lk_1", "s") { LmsHomePage = new Uri("https://lms.acme.example/") };
        var result = course.Compile(o => o with { Formats = PackageFormats.Scorm12, Lrs = lrs });

        using var zip = new PackageReader(result.Packages[0].Path);
        Assert.Contains("\"homePage\":\"https://lms.acme.example/\"", zip.ReadText("assets/lrs-config.js"));
    }

    [Fact]
    public void Package_without_an_lms_home_page_leaves_it_to_the_runtime()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var lrs = new LrsConnection(new Uri("https://lrs.example.org/xapi/"), "lk_1", "s");
        var result = course.Compile(o => o with { Formats = PackageFormats.Scorm12, Lrs = lrs });

        using var zip = new PackageReader(result.Packages[0].Path);
        Assert.DoesNotContain("homePage", zip.ReadText("assets/lrs-config.js"));
    }
}

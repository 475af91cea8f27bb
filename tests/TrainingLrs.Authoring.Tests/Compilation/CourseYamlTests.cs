using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Compilation;

public sealed class CourseYamlTests
{
    private const string Campaign = """

        campaign:
          start: 2026-01-12
          deadline: 2026-06-30
          requiredModules: [first]
          learnersPerPartner: 5
        webinars:
          - id: kickoff
            title: Kick-off
            modules: [first]
        """;

    [Fact]
    public void Campaign_and_webinars_are_returned_with_the_result()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse + Campaign).WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var campaign = result.Course!.Campaign!;
        Assert.Equal(new DateOnly(2026, 6, 30), campaign.Deadline);
        Assert.Equal(["first"], campaign.RequiredModules);
        Assert.Equal(["first"], Assert.Single(result.Course.Webinars).Modules);
        Assert.Equal(MoveOn.CompletedOrPassed, Assert.Single(result.Modules).MoveOn);
    }

    [Fact]
    public void Campaign_naming_an_unknown_module_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse + Campaign.Replace("requiredModules: [first]", "requiredModules: [frist]"))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ModuleMissing);
        Assert.Contains("'frist'", error.Message);
    }

    [Fact]
    public void Deadline_before_start_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse + Campaign.Replace("2026-06-30", "2025-06-30"))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidSetting);
        Assert.Equal(12, error.Line);
    }

    [Fact]
    public void Unknown_move_on_value_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("folder: 01-first", "folder: 01-first\n    moveOn: Finished"))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidSetting && d.Line == 10 && d.Message.Contains("Finished", StringComparison.Ordinal));
    }

    [Fact]
    public void Languages_option_limits_the_output_to_those_languages()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Languages = ["en"] });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Packages, p => Assert.Equal("en", p.Language));
        Assert.False(Directory.Exists(Path.Combine(result.WebDirectory!, "first", "es")));
    }
}

using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Lint;

/// <summary>Every path an author or theme controls is refused when it leaves its folder.</summary>
public sealed class PathTraversalTests
{
    [Fact]
    public void Image_path_with_parent_segments_is_refused()
    {
        using var course = NewCourse("![Secret](../../../secret.png)");
        course.Write("secret.png", "not for packages");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PathTraversal);
        Assert.Contains("Refused image path '../../../secret.png'", error.Message);
        Assert.Equal(6, error.Line);
        Assert.False(Directory.Exists(course.Output));
    }

    [Fact]
    public void Media_link_that_climbs_out_of_media_is_refused()
    {
        using var course = NewCourse("[Handout](media/../../../course.yml)");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PathTraversal);
        Assert.Contains("leaves the module's media/ folder", error.Message);
    }

    [Fact]
    public void Absolute_media_path_is_refused()
    {
        using var course = NewCourse("![Passwords](/etc/passwd)");
        var result = course.Compile();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.PathTraversal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Template_include_outside_the_theme_is_refused()
    {
        using var course = NewCourse("Text.");
        course.Write("secret.txt", "do not include me");
        course.Write("theme/templates/lesson.scriban", """<html>{{ include "../../../secret.txt" }}</html>""");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Contains("Refused theme path '../../../secret.txt'", error.Message);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Module_folder_with_parent_segments_is_refused()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("folder: 01-first", "folder: ../../outside"));
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PathTraversal);
        Assert.Equal("course.yml", error.Path);
    }

    [Fact]
    public void Theme_name_with_parent_segments_is_refused()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse + "\ntheme: ../../etc\n").WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("Theme '../../etc' not found", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    private static CourseFixture NewCourse(string body) =>
        new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]")).WriteLesson(Lessons.WithBody(body));
}

using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Themes;

public sealed class ThemeTests
{
    [Fact]
    public void Course_theme_folder_overrides_a_theme_file()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        course.Write("theme/assets/lesson.css", "body { color: rebeccapurple; }");
        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("body { color: rebeccapurple; }", File.ReadAllText(Path.Combine(result.WebDirectory!, "assets", "lesson.css")));
        Assert.True(File.Exists(Path.Combine(result.WebDirectory!, "assets", "runtime.js")));
    }

    [Fact]
    public void Template_values_are_html_escaped_by_default()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("en: Test course", "en: \"Tom & Jerry <script>\""))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "en", "index.html"));
        Assert.Contains("Tom &amp; Jerry &lt;script&gt;", html);
        Assert.DoesNotContain("<script>\"", html);
    }

    [Fact]
    public void Template_label_pointing_at_a_missing_id_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]"))
            .WriteLesson(CourseFixture.MinimalLesson);
        course.Write("theme/templates/lesson.scriban", "<html lang=\"en\"><body><main aria-labelledby=\"no-such-heading\"><h1>{{ module.title }}</h1></main></body></html>");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
        Assert.Contains("'no-such-heading'", error.Message);
    }

    [Fact]
    public void Unknown_template_variable_is_an_error()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        course.Write("theme/templates/lesson.scriban", "<html>{{ modul.title }}</html>");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Equal("theme:templates/lesson.scriban", error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Theme_helpers_print_labels_raw_html_and_escaped_json()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]"))
            .WriteLesson(CourseFixture.MinimalLesson);
        course.Write("theme/templates/lesson.scriban",
            "<html lang=\"en\"><body><main><h1>{{ label \"skip\" }}|{{ label \"no-such-label\" }}|{{ \"<b>x</b>\" | raw }}|<script type=\"application/json\">{{ json \"</script>\" }}</script></h1></main></body></html>");
        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "en", "index.html"));
        Assert.Contains("Skip to content|no-such-label|<b>x</b>|", html);
        Assert.Contains("\"\\u003C/script\\u003E\"", html);
    }

    [Fact]
    public void Theme_helper_called_with_two_arguments_is_a_template_error()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        course.Write("theme/templates/lesson.scriban", "<html>\n{{ label \"skip\" \"extra\" }}</html>");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Equal("theme:templates/lesson.scriban", error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Front_matter_objectives_are_printed_when_the_body_has_no_objectives_block()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]"))
            .WriteLesson(CourseFixture.MinimalLesson.Replace("duration: 5", "duration: 5\nobjectives:\n  - Spot the night-shift pattern"));
        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "en", "index.html"));
        Assert.Contains("<li>Spot the night-shift pattern</li>", html);
        Assert.Contains("<h2 id=\"objectives-title\">Learning objectives</h2>", html);
    }

    [Fact]
    public void Lesson_data_holds_what_the_runtime_needs()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "en", "index.html"));
        var start = html.IndexOf("<script type=\"application/json\" id=\"lesson-data\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        var json = html[(html.IndexOf('>', start) + 1)..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        using var data = System.Text.Json.JsonDocument.Parse(json);
        var root = data.RootElement;
        Assert.Equal("https://example.org/courses/test/modules/first", root.GetProperty("activityId").GetString());
        Assert.Equal(80, root.GetProperty("passMark").GetInt32());
        Assert.Equal("CompletedOrPassed", root.GetProperty("moveOn").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("a", root.GetProperty("knowledgeChecks")[0].GetProperty("correct")[0].GetString());
        Assert.Equal(1, root.GetProperty("assessment").GetProperty("poolSize").GetInt32());
    }
}

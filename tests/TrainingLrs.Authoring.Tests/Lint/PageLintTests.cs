using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Lint;

/// <summary>
/// The checks on the rendered page (raw HTML in lessons and the theme's markup): one fixture per rule,
/// asserting code, line and message, plus the text modes of script, style and comments. Raw HTML is
/// reported at its line in the Markdown file (the body starts at line 6 of the fixture).
/// </summary>
public sealed class PageLintTests
{
    private const string EnPath = "modules/01-first/en.md";

    [Fact]
    public void Two_elements_with_one_id_on_the_page_are_an_error()
    {
        var d = CompileOne("""
            <span id="twice">a</span>

            and <span id="twice">b</span>
            """);
        var diagnostic = AssertSingle(d, DiagnosticCodes.DuplicateId, 8, 11);
        Assert.Equal("The page has two elements with id 'twice' (a heading and a block, or two blocks); rename one.", diagnostic.Message);
    }

    [Fact]
    public void Raw_html_link_to_a_missing_anchor_is_an_error()
    {
        var d = CompileOne("""Go <a href="#nowhere">there</a>.""");
        var diagnostic = AssertSingle(d, DiagnosticCodes.BrokenLink, 6, 7);
        Assert.Equal("Link to '#nowhere' points to no heading or block on this page.", diagnostic.Message);
    }

    [Fact]
    public void Raw_html_label_for_a_missing_id_is_an_error()
    {
        var d = CompileOne("""<label for="nobody">Name</label>""");
        var diagnostic = AssertSingle(d, DiagnosticCodes.BrokenLink, 6, 8);
        Assert.Equal("A <label> refers to id 'nobody', which is not on the page.", diagnostic.Message);
    }

    [Fact]
    public void Raw_html_image_without_alt_is_an_error()
    {
        var d = CompileOne("""
            Text.

            <img src="../../assets/lesson.css">
            """);
        var diagnostic = AssertSingle(d, DiagnosticCodes.ImageWithoutAlt, 8, 6);
        Assert.Equal("Image '../../assets/lesson.css' has no alt attribute.", diagnostic.Message);
    }

    [Fact]
    public void Raw_html_loading_from_outside_the_package_is_an_error()
    {
        var d = CompileOne("""<img alt="Logo" src="https://cdn.example.org/logo.png">""");
        var diagnostic = AssertSingle(d, DiagnosticCodes.ExternalResource, 6, 17);
        Assert.Equal("The page loads 'https://cdn.example.org/logo.png' from outside the package; lessons must be self-contained.", diagnostic.Message);
    }

    [Fact]
    public void Raw_html_reference_to_a_file_not_in_the_package_is_an_error()
    {
        var d = CompileOne("""<img alt="Crew" src="media/crew&#46;svg">""");
        // Character references are decoded as a browser would before the file is looked up; the decoded
        // value is not in the file as written, so the finding stays at line 1.
        var diagnostic = AssertSingle(d, DiagnosticCodes.BrokenLink, 1, 1);
        Assert.Equal("The page refers to 'media/crew.svg', which is not in the package.", diagnostic.Message);
    }

    [Fact]
    public void Markup_inside_script_style_and_comments_is_not_taken_for_elements()
    {
        // Each raw block is reported once by the Markdown lint; the page checks must not see the tags inside.
        var d = CompileOne("""
            <script>document.write('<img src="a.png"> <a href="#x">x</a>');</script>

            <style>/* <img src="b.png"> */</style>

            <!-- <img src="c.png"> -->

            Text.
            """);
        Assert.DoesNotContain(d.Diagnostics, x => x.Code is DiagnosticCodes.ImageWithoutAlt or DiagnosticCodes.BrokenLink);
        Assert.Equal(2, d.Diagnostics.Count(x => x.Code == DiagnosticCodes.ExternalResource));
    }

    private static CompileResult CompileOne(string body)
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]"))
            .WriteLesson(Lessons.WithBody(body));
        return course.Compile();
    }

    [Fact]
    public void Raw_html_reference_to_a_missing_file_is_reported_at_its_line_in_the_markdown()
    {
        var d = CompileOne("""
            First paragraph.

            Second paragraph with <img alt="Crew" src="media/crew.svg"> inline.
            """);
        var diagnostic = AssertSingle(d, DiagnosticCodes.BrokenLink, 8, 39);
        Assert.Equal("The page refers to 'media/crew.svg', which is not in the package.", diagnostic.Message);
    }

    private static Diagnostic AssertSingle(CompileResult result, string code, int line, int column)
    {
        Assert.False(result.Succeeded);
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        var all = string.Join("\n", result.Diagnostics);
        Assert.True(matches.Count == 1, $"Expected one {code}, got:\n{all}");
        Assert.Equal(EnPath, matches[0].Path);
        Assert.True(line == matches[0].Line && column == matches[0].Column, $"Expected {line}:{column}, got:\n{all}");
        return matches[0];
    }
}

using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Lint;

/// <summary>One malformed fixture per lint rule; each asserts the rule, the file and the line.</summary>
public sealed class LintRuleTests
{
    private const string EnPath = "modules/01-first/en.md";

    [Fact]
    public void Quiz_without_correct_answer_is_an_error()
    {
        var d = CompileOne("""
            ::: quiz id=q1
            Pick one.

            - [ ] A
            - [ ] B
            :::
            """);
        AssertSingle(d, DiagnosticCodes.QuestionWithoutAnswer, EnPath, 6);
    }

    [Fact]
    public void Single_choice_question_with_two_correct_answers_is_an_error()
    {
        var d = CompileOne("""
            ::: quiz id=q1 type=single
            Pick one.

            - [x] A
            - [x] B
            :::
            """);
        AssertSingle(d, DiagnosticCodes.QuestionWithoutAnswer, EnPath, 6);
    }

    [Fact]
    public void Option_without_task_marker_is_an_error()
    {
        var d = CompileOne("""
            ::: quiz id=q1
            Pick one.

            - [x] A
            - B
            :::
            """);
        AssertSingle(d, DiagnosticCodes.MalformedBlock, EnPath, 10);
    }

    [Fact]
    public void Duplicate_question_ids_are_an_error()
    {
        var d = CompileOne("""
            ::: quiz id=q1
            Pick one.

            - [x] A
            - [ ] B
            :::

            ::: quiz id=q1
            Pick again.

            - [x] A
            - [ ] B
            :::
            """);
        AssertSingle(d, DiagnosticCodes.DuplicateId, EnPath, 13);
    }

    [Fact]
    public void Course_pass_mark_out_of_range_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("passMark: 80", "passMark: 180"))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();
        AssertSingle(result, DiagnosticCodes.PassMarkOutOfRange, "course.yml", 7);
    }

    [Fact]
    public void Assessment_pass_mark_out_of_range_is_an_error()
    {
        var d = CompileOne("""
            :::: assessment id=final pass=101
            ::: question id=a1
            Pick.

            - [x] A
            - [ ] B
            :::
            ::::
            """);
        AssertSingle(d, DiagnosticCodes.PassMarkOutOfRange, EnPath, 6);
    }

    [Fact]
    public void Unknown_front_matter_key_is_an_error_at_its_line()
    {
        using var course = new CourseFixture().WriteLesson("""
            ---
            id: first
            title: First module
            pasMark: 80
            ---

            Text.
            """);
        var result = course.Compile();
        var diagnostic = AssertSingle(result, DiagnosticCodes.UnknownKey, EnPath, 4);
        Assert.Contains("pasMark", diagnostic.Message);
    }

    [Fact]
    public void Module_folder_missing_from_course_yml_is_an_error()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        course.WriteLesson(Lessons.WithBody("Text.", id: "stray"), folder: "02-stray");
        var result = course.Compile();
        AssertSingle(result, DiagnosticCodes.ModuleNotListed, "modules/02-stray", 0);
    }

    [Fact]
    public void Module_listed_in_course_yml_but_not_written_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse + "\n  - folder: 02-later\n").WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();
        AssertSingle(result, DiagnosticCodes.ModuleMissing, "course.yml", 10);
    }

    [Fact]
    public void Link_to_a_missing_anchor_is_an_error()
    {
        var d = CompileOne("""
            ## Start

            See [the end](#the-end).
            """);
        AssertSingle(d, DiagnosticCodes.BrokenLink, EnPath, 8);
    }

    [Fact]
    public void Link_to_another_module_is_an_error()
    {
        var d = CompileOne("See [module 2](../02-law/en.md).");
        AssertSingle(d, DiagnosticCodes.PathTraversal, EnPath, 6);
    }

    [Fact]
    public void Missing_media_file_is_an_error()
    {
        var d = CompileOne("![Crew at night](media/crew.jpg)");
        AssertSingle(d, DiagnosticCodes.MissingMedia, EnPath, 6);
    }

    [Fact]
    public void Image_without_alt_text_is_an_error()
    {
        using var course = new CourseFixture().WriteLesson(Lessons.WithBody("Intro.\n\n![](media/crew.svg)"));
        course.Write("modules/01-first/media/crew.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        AssertSingle(course.Compile(), DiagnosticCodes.ImageWithoutAlt, EnPath, 8);
    }

    [Fact]
    public void External_image_is_an_error()
    {
        var d = CompileOne("![Logo](https://cdn.example.org/logo.png)");
        AssertSingle(d, DiagnosticCodes.ExternalResource, EnPath, 6);
    }

    [Fact]
    public void Phone_and_text_links_are_allowed_so_workers_can_call_a_hotline_with_one_tap()
    {
        var d = CompileOne("Call [1-888-373-7888](tel:+18883737888) or text [233733](sms:233733).");
        Assert.DoesNotContain(d.Diagnostics, x => x.Code == DiagnosticCodes.ExternalResource);
    }

    [Fact]
    public void A_link_with_another_scheme_is_an_error()
    {
        var d = CompileOne("[Open](ftp://files.example.org/handout.pdf)");
        AssertSingle(d, DiagnosticCodes.ExternalResource, EnPath, 6);
    }

    [Fact]
    public void Heading_that_skips_a_level_is_an_error()
    {
        var d = CompileOne("""
            ## Start

            #### Too deep
            """);
        AssertSingle(d, DiagnosticCodes.HeadingOrder, EnPath, 8);
    }

    [Fact]
    public void Level_one_heading_in_the_body_is_an_error()
    {
        var d = CompileOne("# A second title");
        AssertSingle(d, DiagnosticCodes.HeadingOrder, EnPath, 6);
    }

    [Fact]
    public void Unknown_block_name_is_an_error()
    {
        var d = CompileOne("""
            ::: quizz id=q1
            Typo.
            :::
            """);
        AssertSingle(d, DiagnosticCodes.MalformedBlock, EnPath, 6);
    }

    [Fact]
    public void Unknown_block_argument_is_an_error()
    {
        var d = CompileOne("""
            ::: quiz id=q1 tpye=multiple
            Pick.

            - [x] A
            - [ ] B
            :::
            """);
        Assert.Contains("tpye", AssertSingle(d, DiagnosticCodes.MalformedBlock, EnPath, 6).Message);
    }

    [Fact]
    public void Move_on_passed_without_an_assessment_is_an_error()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("passMark: 80", "passMark: 80\nmoveOn: Passed"))
            .WriteLesson(Lessons.WithBody("Only text."));
        AssertSingle(course.Compile(), DiagnosticCodes.InvalidSetting, EnPath, 1);
    }

    [Fact]
    public void Invalid_yaml_in_course_yml_is_reported_with_its_line()
    {
        using var course = new CourseFixture("id: https://example.org/c\ntitle: [unclosed\n");
        var result = course.Compile();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidYaml && d.Path == "course.yml" && d.Line >= 2);
    }

    [Fact]
    public void Script_in_raw_html_is_an_error()
    {
        var d = CompileOne("Text.\n\n<script>alert(1)</script>");
        AssertSingle(d, DiagnosticCodes.ExternalResource, EnPath, 8);
    }

    private static CompileResult CompileOne(string body)
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]"))
            .WriteLesson(Lessons.WithBody(body));
        return course.Compile();
    }

    private static Diagnostic AssertSingle(CompileResult result, string code, string path, int line)
    {
        Assert.False(result.Succeeded);
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        var all = string.Join("\n", result.Diagnostics);
        Assert.True(matches.Count == 1, $"Expected one {code}, got:\n{all}");
        Assert.Equal(path, matches[0].Path);
        Assert.True(line == matches[0].Line, $"Expected line {line}, got:\n{all}");
        return matches[0];
    }
}

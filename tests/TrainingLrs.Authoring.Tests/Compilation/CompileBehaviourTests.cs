using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Compilation;

public sealed class CompileBehaviourTests
{
    [Fact]
    public void Missing_translation_falls_back_to_english_with_a_warning()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TranslationFallback, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var spanish = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "es", "index.html"));
        Assert.Contains("<html lang=\"en\">", spanish);
        Assert.Contains("\"language\":\"es\"", spanish);
    }

    [Fact]
    public void Translation_with_different_question_ids_is_an_error()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        course.WriteLesson(CourseFixture.MinimalLesson.Replace("id=q1", "id=p1"), language: "es");
        var result = course.Compile();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.EditionMismatch);
        Assert.Equal("modules/01-first/es.md", error.Path);
        Assert.Contains("missing q1", error.Message);
    }

    [Fact]
    public void Failed_compile_leaves_the_previous_output_untouched()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        Assert.True(course.Compile().Succeeded);
        var page = Path.Combine(course.Output, "web", "first", "en", "index.html");
        var before = File.ReadAllText(page);

        course.WriteLesson(CourseFixture.MinimalLesson.Replace("- [x] Right\n  > Yes.", "- [ ] Right\n  > Yes.").Replace("Some text.", "Changed text."));
        var result = course.Compile();

        Assert.False(result.Succeeded);
        Assert.Equal(before, File.ReadAllText(page));
        Assert.Empty(Directory.GetDirectories(course.Root, ".dist*"));
    }

    [Fact]
    public void Successful_compile_replaces_the_output_folder()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        Directory.CreateDirectory(course.Output);
        File.WriteAllText(Path.Combine(course.Output, "stale.txt"), "from an old build");

        var result = course.Compile();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(File.Exists(Path.Combine(course.Output, "stale.txt")));
        Assert.Empty(Directory.GetDirectories(course.Root, ".dist*"));
    }

    [Fact]
    public void Every_problem_is_reported_in_one_compile()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("passMark: 80", "passMark: 180"))
            .WriteLesson(Lessons.WithBody("# Title again\n\n![](media/missing.png) [see](#nowhere)"));
        var result = course.Compile();

        var codes = result.Diagnostics.Select(d => d.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { DiagnosticCodes.PassMarkOutOfRange, DiagnosticCodes.HeadingOrder, DiagnosticCodes.ImageWithoutAlt, DiagnosticCodes.MissingMedia, DiagnosticCodes.BrokenLink }, codes);
    }

    [Fact]
    public void Diagnostic_prints_path_line_column_severity_and_message()
    {
        var diagnostic = new Diagnostic("modules/01-first/en.md", 12, 3, DiagnosticSeverity.Error, DiagnosticCodes.BrokenLink, "Link to '#x' points nowhere.");

        Assert.Equal("modules/01-first/en.md:12:3: error: Link to '#x' points nowhere. [LR011]", diagnostic.ToString());
    }

    [Fact]
    public void Dry_run_builds_packages_without_writing()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { DryRun = true });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(6, result.Summary.Packages);
        Assert.All(result.Packages, p => Assert.True(p.Bytes > 0));
        Assert.False(Directory.Exists(course.Output));
    }

    [Fact]
    public void Lint_only_compile_leaves_the_output_folder_alone()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        Assert.True(course.Compile().Succeeded);

        var result = course.Compile(o => o with { Formats = PackageFormats.None });

        Assert.True(result.Succeeded);
        Assert.True(File.Exists(Path.Combine(course.Output, "web", "first", "en", "index.html")));
    }

    [Fact]
    public void Progress_reports_every_stage_in_order()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var stages = new List<CompileStage>();
        var progress = new SynchronousProgress<CompileProgress>(p =>
        {
            lock (stages)
            {
                if (stages.Count == 0 || stages[^1] != p.Stage)
                {
                    stages.Add(p.Stage);
                }
            }
        });

        var result = CourseCompiler.Compile(course.Options, progress);

        Assert.True(result.Succeeded);
        Assert.Equal(Enum.GetValues<CompileStage>(), stages);
        Assert.Equal(Enum.GetValues<CompileStage>().Length, result.Summary.StageTimes.Count);
    }

    [Fact]
    public void Pass_mark_from_course_yml_reaches_page_and_manifests()
    {
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("passMark: 80", "passMark: 70")).WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = PackageFormats.Web | PackageFormats.Cmi5 });

        var html = File.ReadAllText(Path.Combine(result.WebDirectory!, "first", "en", "index.html"));
        Assert.Contains("\"passMark\":70", html);
        Assert.Contains("You pass with 70% or more.", html);
        using var zip = new PackageReader(result.Packages[0].Path);
        Assert.Contains("masteryScore=\"0.70\"", zip.ReadText("cmi5.xml"));
        Assert.Equal(70, Assert.Single(result.Modules).PassMark);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

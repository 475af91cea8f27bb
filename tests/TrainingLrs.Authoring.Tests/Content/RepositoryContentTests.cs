using System.Text.RegularExpressions;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Markdown.Quizzes;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Content;

/// <summary>
/// Walks the real course in <c>content/</c>: it compiles cleanly, every module is complete in English and
/// Spanish, every question can be answered, and every figure is sourced and dated from the fact brief.
/// </summary>
public sealed partial class RepositoryContentTests
{
    private static readonly IReadOnlyList<ModuleFile> Files = ModuleFile.ReadAll(RepoPaths.Content);

    public static TheoryData<string> Folders => [.. Files.Select(f => f.Folder).Distinct()];

    /// <summary>
    /// Set <c>TRAININGLRS_CONTENT_OUT</c> to a folder to keep the compiled course there, so an author can
    /// open <c>web/&lt;module&gt;/&lt;lang&gt;/index.html</c> and read it as a learner would.
    /// </summary>
    [Fact]
    public void Repository_content_compiles_without_errors_or_warnings()
    {
        using var temp = new TempFolder();
        var keep = Environment.GetEnvironmentVariable("TRAININGLRS_CONTENT_OUT");
        var result = CourseCompiler.Compile(new CompileOptions
        {
            ContentDirectory = RepoPaths.Content,
            ThemesDirectory = RepoPaths.Themes,
            OutputDirectory = string.IsNullOrEmpty(keep) ? temp.Combine("dist") : Path.GetFullPath(keep),
            CoursePackages = true,
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Folders.Count, result.Modules.Count);
        Assert.All(result.Modules, m => Assert.True(File.Exists(Path.Combine(result.WebDirectory!, m.Id, "es", "index.html")), m.Id));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Module_has_objectives_and_an_assessment_whose_pool_is_larger_than_the_questions_asked(string folder)
    {
        foreach (var file in Files.Where(f => f.Folder == folder))
        {
            Assert.True(file.Objectives.Count >= 2, $"{file.Path}: write at least two objectives in a '::: objectives' block.");
            var assessment = file.Assessment;
            Assert.True(assessment is not null, $"{file.Path}: the module has no ':::: assessment'.");
            Assert.True(assessment.PoolSize is { } asked && asked < assessment.Questions.Count,
                $"{file.Path}: the assessment asks {assessment.PoolSize?.ToString() ?? "all"} of {assessment.Questions.Count} questions; the pool must be larger than the questions asked.");
            Assert.True(file.Blocks.OfType<QuizBlock>().Any(), $"{file.Path}: add at least one knowledge check ('::: quiz').");
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Module_states_a_duration_that_covers_its_reading(string folder)
    {
        var english = Files.Single(f => f.Folder == folder && f.Language == "en");
        var minutes = english.FrontMatter!.DurationMinutes;
        var words = Words().Matches(Markup().Replace(english.Text, " ")).Count;

        // About 200 words a minute for reading; checks and scenarios add time on top.
        Assert.InRange(minutes, 5, 30);
        Assert.True(words / 200.0 <= minutes, $"{english.Path}: about {words} words is more than {minutes} minutes of reading.");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Spanish_edition_has_the_same_module_id_and_question_ids(string folder)
    {
        var english = Files.SingleOrDefault(f => f.Folder == folder && f.Language == "en");
        var spanish = Files.SingleOrDefault(f => f.Folder == folder && f.Language == "es");
        Assert.True(english is not null, $"modules/{folder}: en.md is missing.");
        Assert.True(spanish is not null, $"modules/{folder}: es.md is missing; every module is published in English and Spanish.");

        Assert.Equal(english.FrontMatter!.Id, spanish.FrontMatter!.Id);
        Assert.Equal(english.Questions.Select(q => q.Id), spanish.Questions.Select(q => q.Id));
        Assert.Equal(english.Questions.Select(q => string.Join(",", q.CorrectKeys)), spanish.Questions.Select(q => string.Join(",", q.CorrectKeys)));
        Assert.Equal(english.Assessment?.PoolSize, spanish.Assessment?.PoolSize);
        Assert.Equal(english.FrontMatter.DurationMinutes, spanish.FrontMatter.DurationMinutes);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_question_has_a_correct_answer(string folder)
    {
        foreach (var file in Files.Where(f => f.Folder == folder))
        {
            Assert.All(file.Questions, q => Assert.True(q.CorrectKeys.Count > 0, $"{file.Path}: question '{q.Id}' has no [x] option."));
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_figure_carries_a_fact_id_and_a_year(string folder)
    {
        var problems = Files.Where(f => f.Folder == folder)
            .SelectMany(f => FigureRule.Check(f.Text).Select(p => $"{f.Path}:{p.Line}: {p.Message}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_fact_id_exists_in_the_brief_and_is_not_unverified()
    {
        var brief = ContentBrief.Load(RepoPaths.Root);
        var problems = new List<string>();
        var sources = Files.Select(f => (f.Path, f.Text))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Content, "modules"), "*.html", SearchOption.AllDirectories)
                .Select(p => (Path.GetRelativePath(RepoPaths.Content, p), File.ReadAllText(p))));
        foreach (var (path, text) in sources)
        {
            foreach (var id in FactIds().Matches(text).Select(m => m.Value).Distinct())
            {
                if (!brief.Statuses.TryGetValue(id, out var status))
                {
                    problems.Add($"{path}: {id} is not in {brief.Path}.");
                }
                else if (ContentBrief.IsUnverified(status))
                {
                    problems.Add($"{path}: {id} has status '{status}' (not verified) and must not be stated as fact.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Module_8_links_a_printable_remediation_handout_in_its_own_language(string language)
    {
        const string folder = "08-responding-remediating";
        var lesson = Files.Single(f => f.Folder == folder && f.Language == language);
        var handout = Path.Combine(RepoPaths.Content, "modules", folder, "media", $"remediation-handout-{language}.html");

        Assert.Contains($"](media/remediation-handout-{language}.html)", lesson.Text);
        Assert.True(File.Exists(handout), $"{handout} is missing.");
        var html = File.ReadAllText(handout);
        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains("@media print", html);

        // The handout travels inside offline packages: nothing may load from the web.
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
    }

    [Fact]
    public void Missing_brief_fails_with_a_message_saying_where_it_belongs()
    {
        using var temp = new TempFolder();
        var root = Directory.CreateDirectory(temp.Combine("repo")).FullName;

        var error = Assert.Throws<FileNotFoundException>(() => ContentBrief.Load(root));

        Assert.Contains("CONTENT-BRIEF.md", error.Message);
        Assert.Contains("../shared/", error.Message);
    }

    [GeneratedRegex(@"\bF-\d+\b")]
    private static partial Regex FactIds();

    [GeneratedRegex(@"<!--.*?-->|^---[\s\S]*?^---|^\s*:{3,}.*$|\]\([^)]*\)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Words();
}

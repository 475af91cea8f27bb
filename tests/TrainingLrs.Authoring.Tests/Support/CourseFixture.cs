using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Tests.Support;

/// <summary>
/// Builds a small course in a temp folder: a course.yml and module files given as text. Compiles it
/// with the repository's default theme.
/// </summary>
internal sealed class CourseFixture : IDisposable
{
    public const string MinimalCourse = """
        id: https://example.org/courses/test
        title:
          en: Test course
          es: Curso de prueba
        languages: [en, es]
        activityIriBase: https://example.org/courses/test/modules
        passMark: 80
        modules:
          - folder: 01-first
        """;

    public const string MinimalLesson = """
        ---
        id: first
        title: First module
        duration: 5
        ---

        ## Start

        Some text.

        ::: quiz id=q1 type=single
        Pick one.

        - [x] Right
          > Yes.
        - [ ] Wrong
          > No.
        :::

        :::: assessment id=final pool=1
        ::: question id=a1
        Pick the right one.

        - [x] Right
        - [ ] Wrong
        :::
        ::::
        """;

    private readonly TempFolder _temp = new();

    public CourseFixture(string? courseYml = null)
    {
        Directory.CreateDirectory(Content);
        Write("course.yml", courseYml ?? MinimalCourse);
    }

    public string Root => _temp.Path;

    public string Content => _temp.Combine("content");

    public string Output => _temp.Combine("dist");

    public CompileOptions Options => new()
    {
        ContentDirectory = Content,
        OutputDirectory = Output,
        ThemesDirectory = RepoPaths.Themes,
        MaxParallelism = 2,
    };

    public CourseFixture Write(string relativePath, string text)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public CourseFixture WriteLesson(string text, string folder = "01-first", string language = "en") =>
        Write($"modules/{folder}/{language}.md", text);

    public CompileResult Compile(Func<CompileOptions, CompileOptions>? change = null) =>
        CourseCompiler.Compile(change is null ? Options : change(Options));

    public void Dispose() => _temp.Dispose();
}

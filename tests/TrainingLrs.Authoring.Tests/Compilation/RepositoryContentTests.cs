using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Compilation;

public sealed class RepositoryContentTests
{
    [Fact]
    public void Repository_content_compiles_without_errors()
    {
        using var temp = new TempFolder();
        var result = CourseCompiler.Compile(new CompileOptions
        {
            ContentDirectory = RepoPaths.Content,
            ThemesDirectory = RepoPaths.Themes,
            OutputDirectory = temp.Combine("dist"),
            CoursePackages = true,
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Modules);
        Assert.True(File.Exists(Path.Combine(result.WebDirectory!, "why-this-matters", "es", "index.html")));
    }
}

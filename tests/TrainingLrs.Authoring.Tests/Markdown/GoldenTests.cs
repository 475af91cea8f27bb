using TrainingLrs.Authoring.Markdown;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Markdown;

/// <summary>Markdown in, HTML out: one numbered folder per case under Golden/.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.Golden).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_renders_to_the_expected_html(string name)
    {
        var dir = Path.Combine(RepoPaths.Golden, name);
        var input = File.ReadAllText(Path.Combine(dir, "input.md"));
        var actual = LessonMarkdown.ToHtml(input).ReplaceLineEndings("\n");
        var expectedPath = Path.Combine(dir, "expected.html");

        // Set UPDATE_GOLDEN=1 to accept new output; review the diff before committing it.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}

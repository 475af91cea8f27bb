using TrainingLrs.Authoring.Tests.Support;
using TrainingLrs.Authoring.Watching;

namespace TrainingLrs.Authoring.Tests.Watching;

public sealed class CourseWatcherTests
{
    [Fact]
    public async Task Saving_a_lesson_recompiles_and_raises_compiled()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        using var watcher = new CourseWatcher(course.Options with { ThemesDirectory = RepoPaths.Themes }, TimeSpan.FromMilliseconds(50));
        var compiled = new TaskCompletionSource<CourseCompiledEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Compiled += (_, e) => compiled.TrySetResult(e);
        watcher.Start();

        course.WriteLesson(CourseFixture.MinimalLesson.Replace("Some text.", "Edited text."));
        var args = await compiled.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(args.Result.Succeeded, string.Join("\n", args.Result.Diagnostics));
        Assert.Contains(args.ChangedPaths, p => p.EndsWith("en.md", StringComparison.Ordinal));
        Assert.Contains("Edited text.", File.ReadAllText(Path.Combine(args.Result.WebDirectory!, "first", "en", "index.html")));
    }
}

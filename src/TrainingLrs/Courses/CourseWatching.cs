using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Watching;

namespace TrainingLrs.Courses;

/// <summary>Recompiles on every save and reports each compile until cancelled (<c>build --watch</c>, <c>serve --watch</c>).</summary>
internal static class CourseWatching
{
    /// <summary>Compiles once, then on every change; <paramref name="compiled"/> hears every result.</summary>
    public static CourseWatcher Start(CompileOptions options, TextWriter output, TextWriter error, Action<CompileResult>? compiled = null)
    {
        var watcher = new CourseWatcher(options);
        watcher.Compiled += (_, e) =>
        {
            lock (output)
            {
                output.WriteLine($"Changed: {string.Join(", ", e.ChangedPaths.Select(Path.GetFileName))}");
                CompileReporter.Write(e.Result, output, error);
            }
            compiled?.Invoke(e.Result);
        };
        var first = watcher.CompileNow();
        CompileReporter.Write(first, output, error);
        compiled?.Invoke(first);
        watcher.Start();
        output.WriteLine($"Watching {Path.GetFullPath(options.ContentDirectory)} and the theme; Ctrl+C stops.");
        return watcher;
    }

    /// <summary>Watches until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(CompileOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var watcher = Start(options, output, error);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("Stopped watching.");
        }
    }
}

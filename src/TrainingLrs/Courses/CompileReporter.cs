using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Courses;

/// <summary>Prints a compile the way every verb does: each diagnostic on its own line, then the summary.</summary>
internal static class CompileReporter
{
    public static void Write(CompileResult result, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.IsError ? error : output).WriteLine(diagnostic);
        }
        output.WriteLine(result.Summary);
    }

    /// <summary>Progress for long work: one line per stage change, so logs stay readable.</summary>
    public static IProgress<CompileProgress> Progress(TextWriter output)
    {
        CompileStage? last = null;
        return new SynchronousProgress<CompileProgress>(p =>
        {
            if (p.Stage != last)
            {
                last = p.Stage;
                output.WriteLine($"  {p.Stage}…");
            }
        });
    }

    // Progress<T> posts to the thread pool, which would interleave lines with the summary.
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

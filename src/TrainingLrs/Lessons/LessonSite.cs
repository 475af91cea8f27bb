using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Lessons;

/// <summary>
/// The compiled course the server hosts: where its files are and the latest compile, replaced on every
/// recompile in watch mode. Readers get a consistent snapshot through <see cref="Latest"/>.
/// </summary>
public sealed class LessonSite
{
    private volatile CompileResult? _latest;
    private readonly List<Func<CompileResult, Task>> _listeners = [];

    /// <summary>A site over <paramref name="outputDirectory"/> (the compiler's <c>--out</c>).</summary>
    public LessonSite(string outputDirectory, bool watching)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Watching = watching;
    }

    /// <summary>The compiler's output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The static lessons (<c>web/</c>).</summary>
    public string WebDirectory => Path.Combine(OutputDirectory, "web");

    /// <summary>The generic packages (<c>packages/</c>).</summary>
    public string PackagesDirectory => Path.Combine(OutputDirectory, "packages");

    /// <summary>Whether pages reload on recompile.</summary>
    public bool Watching { get; }

    /// <summary>The latest compile, or null before the first.</summary>
    public CompileResult? Latest => _latest;

    /// <summary>
    /// The write-only key web lessons served from here send xAPI with (created at each start, the
    /// previous one revoked); null until the server sets it.
    /// </summary>
    public (string Key, string Secret)? WebLessonKey { get; set; }

    /// <summary>Records a compile and tells every listener (open pages in watch mode).</summary>
    public void Publish(CompileResult result)
    {
        _latest = result;
        Func<CompileResult, Task>[] listeners;
        lock (_listeners)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            _ = listener(result);
        }
    }

    /// <summary>Hears every later compile until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<CompileResult, Task> listener)
    {
        lock (_listeners)
        {
            _listeners.Add(listener);
        }
        return new Subscription(() =>
        {
            lock (_listeners)
            {
                _listeners.Remove(listener);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

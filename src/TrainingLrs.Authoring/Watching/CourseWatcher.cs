using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Watching;

/// <summary>
/// Recompiles the course when a file under the content or theme folder changes, and raises
/// <see cref="Compiled"/> with the new result. Saves are debounced (editors write several times per
/// save) and compiles never overlap; the host reloads the browser on a successful result.
/// </summary>
public sealed class CourseWatcher : IDisposable
{
    private readonly CompileOptions _options;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _compiling = new(1, 1);
    private Timer? _timer;
    private bool _disposed;

    /// <summary>Creates a watcher; call <see cref="Start"/> to begin.</summary>
    /// <param name="options">Options for every compile (the output folder must not be inside the watched folders).</param>
    /// <param name="debounce">Quiet time after the last change before compiling; 200 ms when null.</param>
    public CourseWatcher(CompileOptions options, TimeSpan? debounce = null)
    {
        _options = options;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Raised on a thread-pool thread after each compile.</summary>
    public event EventHandler<CourseCompiledEventArgs>? Compiled;

    /// <summary>Starts watching the content and theme folders. Does not compile by itself.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var folder in new[] { _options.ContentDirectory, _options.ThemesDirectory }.Select(Path.GetFullPath).Distinct())
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Compiles now and raises <see cref="Compiled"/>; also used by the debounce timer.</summary>
    public CompileResult CompileNow(IReadOnlyList<string>? changedPaths = null)
    {
        _compiling.Wait();
        try
        {
            var result = CourseCompiler.Compile(_options);
            Compiled?.Invoke(this, new CourseCompiledEventArgs(result, changedPaths ?? []));
            return result;
        }
        finally
        {
            _compiling.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Our own output (and its staging folders beside it) must not trigger another compile.
        var output = Path.GetFullPath(_options.OutputDirectory);
        var parent = Path.GetDirectoryName(output) ?? output;
        if (e.FullPath.StartsWith(output, StringComparison.Ordinal)
            || e.FullPath.StartsWith(Path.Combine(parent, "." + Path.GetFileName(output)), StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending.Add(e.FullPath);
            _timer ??= new Timer(_ => Flush());
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] changed;
        lock (_gate)
        {
            if (_disposed || _pending.Count == 0)
            {
                return;
            }

            changed = [.. _pending.Order(StringComparer.Ordinal)];
            _pending.Clear();
        }

        CompileNow(changed);
    }
}

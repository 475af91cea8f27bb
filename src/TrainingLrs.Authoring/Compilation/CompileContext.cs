using System.Diagnostics;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Themes;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>State passed from stage to stage during one compile.</summary>
internal sealed class CompileContext
{
    private readonly Dictionary<CompileStage, TimeSpan> _stageTimes = [];
    private readonly Lock _timesLock = new();
    private readonly Lock _progressLock = new();
    private CompileStage? _reportedStage;

    public CompileContext(CompileOptions options, IProgress<CompileProgress>? progress, CancellationToken cancellation)
    {
        Options = options;
        Progress = progress;
        Cancellation = cancellation;
        ContentRoot = System.IO.Path.GetFullPath(options.ContentDirectory);
        OutputRoot = System.IO.Path.GetFullPath(options.OutputDirectory);
    }

    public CompileOptions Options { get; }

    public IProgress<CompileProgress>? Progress { get; }

    public CancellationToken Cancellation { get; }

    public DiagnosticBag Diagnostics { get; } = new();

    public string ContentRoot { get; }

    public string OutputRoot { get; }

    public CourseDefinition? Course { get; set; }

    public Theme? Theme { get; set; }

    public IReadOnlyList<string> Languages { get; set; } = [];

    public List<LessonSource> Sources { get; } = [];

    /// <summary>Checked and rendered pages in course order, then language order.</summary>
    public List<LessonPage> Pages { get; } = [];

    /// <summary>Theme assets as package path to full path.</summary>
    public SortedDictionary<string, string> Assets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The temporary folder written before the swap.</summary>
    public string? StagingRoot { get; set; }

    public List<PackageOutput> Packages { get; } = [];

    public IReadOnlyDictionary<CompileStage, TimeSpan> StageTimes => _stageTimes;

    public bool ShouldStop => Diagnostics.HasErrors || Cancellation.IsCancellationRequested;

    /// <summary>Runs a stage, timing it.</summary>
    public void Run(CompileStage stage, Action<CompileContext> action)
    {
        Cancellation.ThrowIfCancellationRequested();
        Report(stage, 0, 1, stage.ToString());
        Time(stage, () => action(this));
    }

    /// <summary>Runs one step of a stage, adding its time to the stage's; steps may run on several threads.</summary>
    public void Time(CompileStage stage, Action step)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            step();
        }
        finally
        {
            lock (_timesLock)
            {
                _stageTimes[stage] = _stageTimes.GetValueOrDefault(stage) + watch.Elapsed;
            }
        }
    }

    /// <summary>
    /// Reports progress. Stages that run module by module interleave, so a report never goes back to an
    /// earlier stage than one already reported: the stage shown is how far the compile has got.
    /// </summary>
    public void Report(CompileStage stage, int completed, int total, string message)
    {
        if (Progress is null)
        {
            return;
        }

        lock (_progressLock)
        {
            stage = _reportedStage is { } reported && reported > stage ? reported : stage;
            _reportedStage = stage;
            Progress.Report(new CompileProgress(stage, completed, total, message));
        }
    }

    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Math.Max(1, Options.MaxParallelism), CancellationToken = Cancellation };
}

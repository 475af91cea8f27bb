using System.Diagnostics;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Themes;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>State passed from stage to stage during one compile.</summary>
internal sealed class CompileContext
{
    private readonly Dictionary<CompileStage, TimeSpan> _stageTimes = [];

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

    /// <summary>Parsed lessons in course order, then language order.</summary>
    public List<Lesson> Lessons { get; } = [];

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
        var watch = Stopwatch.StartNew();
        Report(stage, 0, 1, stage.ToString());
        action(this);
        _stageTimes[stage] = watch.Elapsed;
    }

    public void Report(CompileStage stage, int completed, int total, string message) =>
        Progress?.Report(new CompileProgress(stage, completed, total, message));

    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Math.Max(1, Options.MaxParallelism), CancellationToken = Cancellation };
}

namespace TrainingLrs.Authoring.Compilation;

/// <summary>Everything a compile needs. Immutable: vary it with <c>with</c>.</summary>
public sealed record CompileOptions
{
    /// <summary>The content folder holding <c>course.yml</c> and <c>modules/</c>.</summary>
    public string ContentDirectory { get; init; } = "content";

    /// <summary>Where output goes; replaced as a whole only when the compile succeeds.</summary>
    public string OutputDirectory { get; init; } = "dist";

    /// <summary>The folder holding one folder per theme.</summary>
    public string ThemesDirectory { get; init; } = "themes";

    /// <summary>Theme name; null uses <c>theme:</c> from course.yml.</summary>
    public string? Theme { get; init; }

    /// <summary>Which outputs to produce.</summary>
    public PackageFormats Formats { get; init; } = PackageFormats.All;

    /// <summary>Also produce one multi-module course package per format and language.</summary>
    public bool CoursePackages { get; init; }

    /// <summary>Only these languages; null means every language in course.yml.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>LRS endpoint and key baked into packages; null leaves xAPI off (SCORM/cmi5 only).</summary>
    public LrsConnection? Lrs { get; init; }

    /// <summary>Build everything in memory and write nothing (for benchmarks and editor checks).</summary>
    public bool DryRun { get; init; }

    /// <summary>Treat warnings as errors.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>How many modules are parsed, rendered and packaged at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>The outcome of a compile: diagnostics, what was written and a summary.</summary>
public sealed record CompileResult
{
    /// <summary>True when there were no errors and the output folder was replaced (or, for a dry run, would be).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Every error and warning, sorted by file and line.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Full path of the output folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Full path of the web lessons (<c>&lt;out&gt;/web</c>), or null when not produced.</summary>
    public string? WebDirectory { get; init; }

    /// <summary>The course as read from course.yml (campaign, webinars, languages), or null when it could not be read.</summary>
    public CourseDefinition? Course { get; init; }

    /// <summary>The compiled modules in course order.</summary>
    public IReadOnlyList<CompiledModule> Modules { get; init; } = [];

    /// <summary>The packages written.</summary>
    public IReadOnlyList<PackageOutput> Packages { get; init; } = [];

    /// <summary>Counts and timings.</summary>
    public required CompileSummary Summary { get; init; }

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}

namespace TrainingLrs.Authoring.Compilation;

/// <summary>Counts and timings for the end-of-compile summary line.</summary>
/// <param name="Modules">Modules compiled.</param>
/// <param name="Pages">Lesson pages rendered (modules × languages).</param>
/// <param name="Packages">Zips built.</param>
/// <param name="Errors">Errors reported.</param>
/// <param name="Warnings">Warnings reported.</param>
/// <param name="Elapsed">Wall-clock time of the whole compile.</param>
/// <param name="StageTimes">Time spent per stage.</param>
public sealed record CompileSummary(
    int Modules,
    int Pages,
    int Packages,
    int Errors,
    int Warnings,
    TimeSpan Elapsed,
    IReadOnlyDictionary<CompileStage, TimeSpan> StageTimes)
{
    /// <summary>One line for the console, e.g. <c>9 modules, 18 pages, 54 packages, 0 errors, 2 warnings in 1.2 s</c>.</summary>
    public override string ToString() =>
        $"{Modules} modules, {Pages} pages, {Packages} packages, {Errors} errors, {Warnings} warnings in {Elapsed.TotalSeconds:0.00} s";
}

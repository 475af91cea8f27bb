using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Watching;

/// <summary>Raised after a watch-triggered compile.</summary>
/// <param name="result">The compile result (check <see cref="CompileResult.Succeeded"/>).</param>
/// <param name="changedPaths">The files whose change triggered the compile.</param>
public sealed class CourseCompiledEventArgs(CompileResult result, IReadOnlyList<string> changedPaths) : EventArgs
{
    /// <summary>The compile result.</summary>
    public CompileResult Result { get; } = result;

    /// <summary>Full paths of the changed files, deduplicated.</summary>
    public IReadOnlyList<string> ChangedPaths { get; } = changedPaths;
}

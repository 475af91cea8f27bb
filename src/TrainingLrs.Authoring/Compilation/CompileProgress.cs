namespace TrainingLrs.Authoring.Compilation;

/// <summary>A progress report: which stage is running and how far it is.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Completed">Items done in this stage.</param>
/// <param name="Total">Items in this stage.</param>
/// <param name="Message">What was just done, e.g. a package file name.</param>
public sealed record CompileProgress(CompileStage Stage, int Completed, int Total, string Message);

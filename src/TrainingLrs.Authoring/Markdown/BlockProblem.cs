namespace TrainingLrs.Authoring.Markdown;

/// <summary>A problem found while reading a lesson block; the compiler turns it into a diagnostic.</summary>
/// <param name="Line">1-based line in the Markdown file.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Code">Diagnostic code (see <see cref="Diagnostics.DiagnosticCodes"/>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record BlockProblem(int Line, int Column, string Code, string Message);

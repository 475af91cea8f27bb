namespace TrainingLrs.Authoring.Diagnostics;

/// <summary>
/// One problem found in the content, with its position in the source file.
/// </summary>
/// <param name="Path">File path relative to the content folder, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">Stable rule code such as <c>LR012</c>, for filtering and tests.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record Diagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats as <c>path:line:col: severity: message [code]</c>, the shape editors and CI logs understand.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Path}:{Line}:{Column}: {severity}: {Message} [{Code}]";
    }
}

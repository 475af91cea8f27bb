namespace TrainingLrs.Authoring.Diagnostics;

/// <summary>How serious a problem found while compiling a course is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth a look; the compile still succeeds.</summary>
    Warning,

    /// <summary>The compile fails and the previous output is left untouched.</summary>
    Error,
}

namespace TrainingLrs.Authoring.Diagnostics;

/// <summary>
/// Collects every problem of a compile so they can be reported together (collect, then fail once).
/// Thread-safe because modules are parsed and rendered in parallel.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.IsError);
            }
        }
    }

    /// <summary>Adds an error.</summary>
    public void Error(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, DiagnosticSeverity.Error, code, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, DiagnosticSeverity.Warning, code, message));

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>All diagnostics, duplicates removed (a template error repeats on every page), sorted by file, line and column.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
        {
            return [.. _items.Distinct()
                .OrderBy(d => d.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)];
        }
    }
}

namespace TrainingLrs.Reporting.Imports;

/// <summary>One thing wrong with an import file, at a line (1 = the header).</summary>
/// <param name="File">The file name as the user gave it.</param>
/// <param name="Line">Line number in the file.</param>
/// <param name="Column">The column at fault, when there is one.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record ImportProblem(string File, int Line, string? Column, string Message)
{
    /// <summary><c>file:line: column: message</c>, the form every tool here reports in.</summary>
    public override string ToString() => Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}

/// <summary>What an import did: either problems (and nothing applied) or the counts.</summary>
/// <param name="Problems">Every problem found; when not empty nothing from the file was applied.</param>
/// <param name="Counts">What was written, when there were no problems.</param>
public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, Organisations.UpsertCounts? Counts)
{
    /// <summary>Whether the file was applied.</summary>
    public bool Succeeded => Problems.Count == 0;
}

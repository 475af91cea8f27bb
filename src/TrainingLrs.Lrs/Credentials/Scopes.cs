namespace TrainingLrs.Lrs.Credentials;

/// <summary>
/// The scopes a credential can hold: the xAPI 1.0.3 / 2.0 OAuth scopes, plus <c>admin</c> for our own
/// administration endpoints (keys, erasure, imports).
/// </summary>
public static class Scopes
{
    /// <summary>Write statements.</summary>
    public const string StatementsWrite = "statements/write";
    /// <summary>Read any statement.</summary>
    public const string StatementsRead = "statements/read";
    /// <summary>Read only statements written by this credential.</summary>
    public const string StatementsReadMine = "statements/read/mine";
    /// <summary>Read and write the State resource.</summary>
    public const string State = "state";
    /// <summary>Define activities (full definitions merge into the Activities resource).</summary>
    public const string Define = "define";
    /// <summary>Read and write Agent and Activity Profiles.</summary>
    public const string Profile = "profile";
    /// <summary>Read everything.</summary>
    public const string AllRead = "all/read";
    /// <summary>Everything the xAPI resources allow.</summary>
    public const string All = "all";
    /// <summary>Administration of this server (keys, erasure, imports, purge); not an xAPI scope.</summary>
    public const string Admin = "admin";
    /// <summary>
    /// Completion reporting (OData, CSV, dashboard); not an xAPI scope. Bound to a member, it sees only
    /// that member's partners and their learners.
    /// </summary>
    public const string Reports = "reports";

    /// <summary>Every scope this server knows, in the order documented.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [StatementsWrite, StatementsRead, StatementsReadMine, State, Define, Profile, AllRead, All, Admin, Reports];

    /// <summary>
    /// Parses a comma-separated scope list. Returns the distinct scopes, or an error message naming the
    /// first unknown scope.
    /// </summary>
    public static (IReadOnlyList<string> Scopes, string? Error) Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return ([], $"at least one scope is required (one of: {string.Join(", ", Known)})");
        }

        foreach (var part in parts)
        {
            if (!Known.Contains(part, StringComparer.Ordinal))
            {
                return ([], $"unknown scope '{part}' (known: {string.Join(", ", Known)})");
            }
        }

        return (parts.Distinct(StringComparer.Ordinal).ToArray(), null);
    }
}

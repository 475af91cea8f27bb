namespace TrainingLrs.Reporting.Organisations;

/// <summary>USPS codes of the states, DC and the territories where a partner site can be.</summary>
public static class UsStates
{
    private static readonly HashSet<string> _codes = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
        "AS", "MP",
    };

    /// <summary>All codes, sorted.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. _codes.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="code"/> (upper case) is a USPS state or territory code.</summary>
    public static bool IsValid(string? code) => code is not null && _codes.Contains(code);
}

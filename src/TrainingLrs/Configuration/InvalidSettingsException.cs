namespace TrainingLrs.Configuration;

/// <summary>One or more settings are invalid; each problem names its setting.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception("invalid configuration: " + string.Join("; ", problems))
{
    /// <summary>Each problem, naming the setting (e.g. <c>Server:Urls</c>).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

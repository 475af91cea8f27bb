namespace TrainingLrs.Lrs.Storage;

/// <summary>Erasure and purge across statements and documents.</summary>
internal interface IPrivacyStore
{
    /// <summary>Erases (or counts, on a dry run) everything about the agent with this identifier.</summary>
    Task<PrivacyCounts> EraseAgentAsync(string agentIdentifier, bool dryRun);

    /// <summary>Deletes (or counts) the statements stored before <paramref name="before"/>.</summary>
    Task<PrivacyCounts> PurgeAsync(DateTimeOffset before, bool dryRun);
}

/// <summary>What an erase or purge removed (or would remove, on a dry run).</summary>
internal sealed record PrivacyCounts(int Statements, int Documents, bool DryRun);

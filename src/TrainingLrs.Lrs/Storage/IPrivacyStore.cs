using TrainingLrs.Lrs.Privacy;

namespace TrainingLrs.Lrs.Storage;

/// <summary>Erasure and purge across statements and documents.</summary>
internal interface IPrivacyStore
{
    /// <summary>Erases (or counts, on a dry run) everything about the agent with this identifier.</summary>
    Task<PrivacyCounts> EraseAgentAsync(string agentIdentifier, bool dryRun);

    /// <summary>Deletes (or counts) the statements stored before <paramref name="before"/>.</summary>
    Task<PrivacyCounts> PurgeAsync(DateTimeOffset before, bool dryRun, CancellationToken cancellationToken = default);
}

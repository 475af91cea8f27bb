namespace TrainingLrs.Lrs.Privacy;

/// <summary>What an erase or purge removed (or would remove, on a dry run).</summary>
/// <param name="Statements">Statements deleted.</param>
/// <param name="Documents">State and profile documents deleted.</param>
/// <param name="Attachments">Attachment contents deleted because no remaining statement carries them (not counted on a dry run).</param>
/// <param name="DryRun">Nothing was deleted; the counts say what would be.</param>
public sealed record PrivacyCounts(int Statements, int Documents, int Attachments, bool DryRun);

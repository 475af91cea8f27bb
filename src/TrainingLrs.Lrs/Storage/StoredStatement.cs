namespace TrainingLrs.Lrs.Storage;

/// <summary>A statement as the LRS stored it.</summary>
/// <param name="Id">The statement id (lower-case UUID).</param>
/// <param name="Json">The full stored statement, with <c>stored</c>, <c>authority</c> and <c>version</c>.</param>
/// <param name="Stored">When the LRS stored it.</param>
/// <param name="PartnerId">The partner of the credential that wrote it, if bound to one.</param>
/// <param name="CredentialKey">The key of the credential that wrote it.</param>
/// <param name="VoidedStatementId">The statement this one voids, when its verb is <c>voided</c>.</param>
public sealed record StoredStatement(
    string Id,
    string Json,
    DateTimeOffset Stored,
    string? PartnerId,
    string CredentialKey,
    string? VoidedStatementId);

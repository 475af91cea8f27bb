namespace TrainingLrs.Lrs.Storage;

/// <summary>A State, Activity Profile or Agent Profile document.</summary>
internal sealed record StoredDocument(string Id, string ContentType, byte[] Content, string ETag, DateTimeOffset Updated);

/// <summary>
/// Where a document lives: the partner space, the resource and the identifying parameters. Two partners
/// holding a document under the same parameters hold two independent documents.
/// </summary>
/// <param name="Text">The resource and identifying parameters as one string, e.g. <c>state|activity|agent|registration</c>.</param>
/// <param name="AgentIdentifier">The agent the scope belongs to, for erasure; null for activity profiles.</param>
/// <param name="ActivityId">The activity of a state or activity profile document; null for agent profiles.</param>
/// <param name="PartnerId">The partner space (the partner of a partner-bound credential); null for the unscoped space.</param>
internal sealed record DocumentScope(string Text, string? AgentIdentifier, string? ActivityId = null, string? PartnerId = null)
{
    /// <summary>The same parameters in the unscoped space, where documents stored before partner spaces existed live.</summary>
    public DocumentScope Unscoped => this with { PartnerId = null };
}

/// <summary>The conditions of a write: the concurrency headers and whether one of them is required.</summary>
/// <param name="IfMatch">The If-Match header, if sent.</param>
/// <param name="IfNoneMatch">The If-None-Match header, if sent.</param>
/// <param name="RequiredForExisting">Without either header, replacing an existing document is a 409.</param>
/// <param name="RequiredForMissing">Without either header, creating a document is a 400 (a 1.0.x profile PUT).</param>
internal sealed record DocumentPreconditions(string? IfMatch, string? IfNoneMatch, bool RequiredForExisting, bool RequiredForMissing = false);

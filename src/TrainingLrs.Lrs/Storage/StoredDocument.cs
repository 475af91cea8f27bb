namespace TrainingLrs.Lrs.Storage;

/// <summary>A State, Activity Profile or Agent Profile document.</summary>
internal sealed record StoredDocument(string Id, string ContentType, byte[] Content, string ETag, DateTimeOffset Updated);

/// <summary>Where a document lives: the resource and the identifying parameters, as one string.</summary>
/// <param name="Text">The scope, e.g. <c>state|activity|agent|registration</c>.</param>
/// <param name="AgentIdentifier">The agent the scope belongs to, for erasure; null for activity profiles.</param>
internal sealed record DocumentScope(string Text, string? AgentIdentifier);

/// <summary>The conditions of a write: the concurrency headers and whether one of them is required.</summary>
internal sealed record DocumentPreconditions(string? IfMatch, string? IfNoneMatch, bool RequiredForExisting);

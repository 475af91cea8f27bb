using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Statements;

/// <summary>
/// A validated statement ready for the writer: everything computed on the request thread, so that the
/// single writer only assigns <c>stored</c> and writes.
/// </summary>
internal sealed class PreparedStatement
{
    public required string Id { get; init; }

    /// <summary>The statement as it will be stored, without <c>stored</c> (and without <c>timestamp</c> when the LRS sets it).</summary>
    public required JsonObject Statement { get; init; }

    /// <summary><see cref="Statement"/> serialized; the writer appends the LRS-set times before the closing brace.</summary>
    public required string JsonWithoutStored { get; init; }

    public required bool HasTimestamp { get; init; }

    public required HashSet<string> Keys { get; init; }

    /// <summary>The target id when this statement voids another.</summary>
    public string? VoidedTarget { get; init; }

    /// <summary>The target id when the object is a StatementRef (voiding or not).</summary>
    public string? ReferencedTarget { get; init; }

    public required string VerbId { get; init; }

    public required IReadOnlyList<(string Id, JsonObject Definition)> ActivityDefinitions { get; init; }

    public required IReadOnlyList<string> AttachmentHashes { get; init; }
}

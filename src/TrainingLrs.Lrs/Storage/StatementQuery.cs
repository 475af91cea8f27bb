namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// A statement query in storage terms: the keys that must all be present, a stored-time window, and
/// a position (sequence numbers) for paging.
/// </summary>
internal sealed record StatementQuery
{
    /// <summary>Keys (see <c>StatementKeys</c>) a statement must carry, most selective first.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public int Limit { get; init; } = 100;

    public bool Ascending { get; init; }

    /// <summary>The last sequence number already returned (paging).</summary>
    public long? After { get; init; }

    /// <summary>The highest sequence number the first page could see; later pages stay within it.</summary>
    public long? Bound { get; init; }
}

/// <summary>One page of results.</summary>
/// <param name="Statements">Stored statement JSON, in order.</param>
/// <param name="Last">Sequence number of the last statement when more follow, else null.</param>
/// <param name="Bound">The bound to carry to the next page.</param>
internal sealed record StatementPage(IReadOnlyList<StatementRecord> Statements, long? Last, long Bound);

/// <summary>A stored statement as queries return it.</summary>
internal sealed record StatementRecord(long Sequence, string Id, string Json, bool Voided, DateTimeOffset Stored, IReadOnlyList<string> AttachmentHashes, IReadOnlyList<string> Keys);

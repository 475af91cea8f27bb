using System.Globalization;
using System.Text.Json.Nodes;
using LiteDB;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// Statements in LiteDB. A statement is one document keyed by its sequence number (the order the LRS
/// stored it in); every filter it can match is a row <c>kind+hash+sequence</c> in <c>statement_keys</c>,
/// so any filtered query is a range scan of one index in stored order, with no sort and no full scan.
/// </summary>
internal sealed partial class LiteDbStatementStore : IStatementStore
{
    public const string Statements = "statements";
    public const string Keys = "statement_keys";
    private const string Attachments = "attachments";
    private const string Activities = "activities";

    private readonly LiteDatabase _database;
    private readonly IReadOnlyList<IStatementWriteObserver> _observers;
    private readonly TimeProvider _clock;
    // Writer thread only: the last definition merged per activity id.
    private readonly Dictionary<string, string> _mergedDefinitions = new(StringComparer.Ordinal);
    private long _lastSequence;
    private long _lastStoredMs;

    public LiteDbStatementStore(LrsDatabase database, LiteDbWriter writer, IEnumerable<IStatementWriteObserver> observers, TimeProvider? clock = null)
    {
        _database = database.Database;
        Writer = writer;
        _observers = observers.ToArray();
        _clock = clock ?? TimeProvider.System;
        var statements = _database.GetCollection(Statements);
        statements.EnsureIndex("sid", "$.sid", unique: true);
        statements.EnsureIndex("st", "$.st");
        var last = statements.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        _lastSequence = last?["_id"].AsInt64 ?? 0;
        _lastStoredMs = last?["st"].AsInt64 ?? 0;
        LoadPendingReferences();
    }

    public LiteDbWriter Writer { get; }

    /// <summary>Stores statements (all or none) and returns their ids in request order.</summary>
    public Task<IReadOnlyList<string>> StoreAsync(
        IReadOnlyList<PreparedStatement> statements,
        IReadOnlyDictionary<string, AttachmentPayload> payloads,
        string? partnerId,
        string credentialKey,
        StoredIdPolicy storedIds = StoredIdPolicy.AcceptIdentical) =>
        Writer.Enqueue(new StatementWriteJob(this, statements, payloads, partnerId, credentialKey, storedIds));

    /// <summary>Every statement stored before this instant is visible to queries.</summary>
    public DateTimeOffset ConsistentThrough =>
        Writer.Pending == 0 ? _clock.GetUtcNow() : DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Read(ref _lastStoredMs));

    public StatementRecord? Find(string statementId) =>
        FindDocument(statementId.ToLowerInvariant()) is { } document ? ToRecord(document["_id"].AsInt64, document) : null;

    /// <summary>
    /// The stored documents among these statement ids (lower case), by id: one query for a whole batch,
    /// where a lookup per statement would compile and run an expression each time.
    /// </summary>
    internal Dictionary<string, BsonDocument> FindDocuments(IEnumerable<string> statementIds)
    {
        var ids = new BsonArray(statementIds.Select(id => new BsonValue(id)));
        return ids.Count == 0
            ? new Dictionary<string, BsonDocument>(StringComparer.Ordinal)
            : _database.GetCollection(Statements).Find(Parameterized.Expression("$.sid IN @0", ids)).ToDictionary(d => d["sid"].AsString, StringComparer.Ordinal);
    }

    internal BsonDocument? FindDocument(string statementId) =>
        _database.GetCollection(Statements).FindOne(Parameterized.Expression("$.sid = @0", statementId));

    /// <summary>Called by the writer only: the next sequence number and a stored time that never goes back.</summary>
    internal (long Sequence, long StoredMs) NextPosition()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = Math.Max(now, _lastStoredMs);
        Interlocked.Exchange(ref _lastStoredMs, stored);
        return (Interlocked.Increment(ref _lastSequence), stored);
    }

    public StatementPage Search(StatementQuery query) => InReadTransaction(() => SearchCore(query));

    // Outside an explicit transaction every LiteDB read opens and closes its own (about a millisecond
    // each under load); one read-only transaction for the whole query keeps a page of results cheap.
    // Safe on a request thread because nothing in between awaits.
    private T InReadTransaction<T>(Func<T> read)
    {
        var began = _database.BeginTrans();
        try
        {
            return read();
        }
        finally
        {
            if (began)
            {
                _database.Rollback();
            }
        }
    }

    private StatementPage SearchCore(StatementQuery query)
    {
        var bound = query.Bound ?? Interlocked.Read(ref _lastSequence);
        long low = 1, high = bound;
        if (query.Since is { } since)
        {
            low = Math.Max(low, FirstSequenceAfter(since.ToUnixTimeMilliseconds()));
        }
        if (query.Until is { } until)
        {
            high = Math.Min(high, LastSequenceAtOrBefore(until.ToUnixTimeMilliseconds()));
        }
        if (query.After is { } after)
        {
            if (query.Ascending)
            {
                low = Math.Max(low, after + 1);
            }
            else
            {
                high = Math.Min(high, after - 1);
            }
        }

        var found = new List<StatementRecord>(Math.Min(query.Limit + 1, 1000));
        foreach (var (sequence, document) in Candidates(query, low, high))
        {
            if (document["v"].AsBoolean || !HasAllKeys(document, query.Keys))
            {
                continue;
            }
            found.Add(ToRecord(sequence, document));
            if (found.Count > query.Limit)
            {
                break;
            }
        }

        if (found.Count > query.Limit)
        {
            found.RemoveAt(found.Count - 1);
            return new StatementPage(found, found[^1].Sequence, bound);
        }
        return new StatementPage(found, null, bound);
    }

    // Yields (sequence, document): a statement document, or an agent key row carrying the statement.
    private IEnumerable<(long Sequence, BsonDocument Document)> Candidates(StatementQuery query, long low, long high)
    {
        var chunk = Math.Clamp(query.Limit + 1, 16, 512);
        var statements = _database.GetCollection(Statements);
        if (query.Keys.Count == 0)
        {
            while (low <= high)
            {
                var page = statements.Query()
                    .Where(Parameterized.Expression("$._id BETWEEN @0 AND @1", low, high))
                    .OrderBy("_id", query.Ascending ? LiteDB.Query.Ascending : LiteDB.Query.Descending)
                    .Limit(chunk).ToList();
                foreach (var document in page)
                {
                    yield return (document["_id"].AsInt64, document);
                }
                if (page.Count < chunk)
                {
                    yield break;
                }
                var last = page[^1]["_id"].AsInt64;
                (low, high) = query.Ascending ? (last + 1, high) : (low, last - 1);
            }
            yield break;
        }

        var keys = _database.GetCollection(Keys);
        var prefix = query.Keys[0];
        while (low <= high)
        {
            var ids = keys.Query()
                .Where(Parameterized.Expression("$._id BETWEEN @0 AND @1", prefix + Hex(low), prefix + Hex(high)))
                .OrderBy("_id", query.Ascending ? LiteDB.Query.Ascending : LiteDB.Query.Descending)
                .Limit(chunk).ToList();
            var sequences = ids.Select(id => long.Parse(id["_id"].AsString.AsSpan(prefix.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            // Rows that carry their statement need no fetch; for the others (and agent rows written before
            // they carried it), one IN query instead of a FindById per row: LiteDB's per-query overhead dominates otherwise.
            var missing = sequences.Where((_, i) => !ids[i].ContainsKey("j")).Select(sequence => new BsonValue(sequence)).ToArray();
            var fetched = missing.Length == 0
                ? []
                : statements.Find(Parameterized.Expression("$._id IN @0", new BsonArray(missing))).ToDictionary(d => d["_id"].AsInt64);
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i].ContainsKey("j"))
                {
                    yield return (sequences[i], ids[i]);
                }
                else if (fetched.TryGetValue(sequences[i], out var document))
                {
                    yield return (sequences[i], document);
                }
            }
            if (ids.Count < chunk)
            {
                yield break;
            }
            var last = sequences[^1];
            (low, high) = query.Ascending ? (last + 1, high) : (low, last - 1);
        }
    }

    private static bool HasAllKeys(BsonDocument document, IReadOnlyList<string> keys)
    {
        if (keys.Count <= 1)
        {
            return true;
        }
        var present = document["k"].AsArray;
        for (var i = 1; i < keys.Count; i++)
        {
            if (!present.Contains(keys[i]))
            {
                return false;
            }
        }
        return true;
    }

    private long FirstSequenceAfter(long ms) =>
        _database.GetCollection(Statements).Query().Where(Parameterized.Expression("$.st > @0", ms)).OrderBy("st").Limit(1).FirstOrDefault()?["_id"].AsInt64
        ?? long.MaxValue;

    private long LastSequenceAtOrBefore(long ms) =>
        _database.GetCollection(Statements).Query().Where(Parameterized.Expression("$.st <= @0", ms)).OrderByDescending("st").Limit(1).FirstOrDefault()?["_id"].AsInt64
        ?? 0;

    internal static string Hex(long value) => value.ToString("x16", CultureInfo.InvariantCulture);

    private static StatementRecord ToRecord(long sequence, BsonDocument document) => new(
        sequence,
        document["sid"].AsString,
        document["j"].AsString,
        document["v"].AsBoolean,
        DateTimeOffset.FromUnixTimeMilliseconds(document["st"].AsInt64),
        document["h"].AsArray.Select(h => h.AsString).ToArray(),
        document["k"].AsArray.Select(k => k.AsString).ToArray());

    internal void Notify(IReadOnlyList<StoredStatement> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }
        foreach (var observer in _observers)
        {
            observer.OnStatementsStored(statements);
        }
    }

    internal void NotifyErased(IReadOnlyList<BsonDocument> erased)
    {
        if (erased.Count == 0)
        {
            return;
        }
        var statements = erased.Select(d => new StoredStatement(
            d["sid"].AsString,
            d["j"].AsString,
            DateTimeOffset.FromUnixTimeMilliseconds(d["st"].AsInt64),
            d["p"].IsString ? d["p"].AsString : null,
            d["c"].AsString,
            d["vt"].IsString ? d["vt"].AsString : null)).ToArray();
        foreach (var observer in _observers)
        {
            observer.OnStatementsErased(statements);
        }
    }

    /// <summary>
    /// Stores attachment content once per hash, and counts the statements that carry each stored content
    /// (<c>n</c>), so that deleting the last of them can delete the content too.
    /// </summary>
    internal void SaveAttachments(LiteDatabase database, IEnumerable<AttachmentPayload> payloads, IEnumerable<PreparedStatement> stored)
    {
        var collection = database.GetCollection(Attachments);
        foreach (var payload in payloads)
        {
            if (collection.FindById(payload.Sha2) is null)
            {
                collection.Insert(new BsonDocument { ["_id"] = payload.Sha2, ["ct"] = payload.ContentType, ["d"] = payload.Content, ["n"] = 0 });
            }
        }
        foreach (var hash in stored.SelectMany(s => s.AttachmentHashes.Distinct(StringComparer.Ordinal)))
        {
            // Content stored before the count existed has no "n" and is never deleted by it.
            if (collection.FindById(hash) is { } document && document["n"].IsInt32)
            {
                document["n"] = document["n"].AsInt32 + 1;
                collection.Update(document);
            }
        }
    }

    public AttachmentPayload? FindAttachment(string sha2) =>
        _database.GetCollection(Attachments).FindById(sha2) is { } d ? new AttachmentPayload(sha2, d["ct"].AsString, d["d"].AsBinary) : null;

    public JsonObject? FindActivity(string activityId) =>
        _database.GetCollection(Activities).FindById(StatementKeys.Make('x', activityId)) is { } d ? JsonNode.Parse(d["j"].AsString) as JsonObject : null;
}

using System.Globalization;
using System.Text.Json.Nodes;
using LiteDB;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Storage;

/// <summary>Stores one request's statements: all of them or none.</summary>
internal sealed class StatementWriteJob(
    LiteDbStatementStore store,
    IReadOnlyList<PreparedStatement> statements,
    IReadOnlyDictionary<string, AttachmentPayload> payloads,
    string? partnerId,
    string credentialKey,
    StoredIdPolicy storedIds) : WriteJob<IReadOnlyList<string>>
{
    private readonly HashSet<string> _alreadyStored = new(StringComparer.Ordinal);

    public override int Weight => statements.Count;

    public override void Prepare(LiteDatabase database)
    {
        var inRequest = new Dictionary<string, PreparedStatement>(statements.Count, StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            // Checked here, where every way in (HTTP, the in-server ingest) passes.
            if (!inRequest.TryAdd(statements[i].Id, statements[i]))
            {
                throw XapiException.BadRequest($"statements[{i}]: id '{statements[i].Id}' appears twice in the request");
            }
        }
        var stored = store.FindDocuments(inRequest.Keys);
        foreach (var statement in statements)
        {
            if (stored.TryGetValue(statement.Id, out var existing))
            {
                if (!SameStatement(statement, existing["j"].AsString))
                {
                    throw XapiException.Conflict($"statement '{statement.Id}' already exists with different content");
                }
                if (storedIds == StoredIdPolicy.Refuse)
                {
                    throw XapiException.Conflict($"statement '{statement.Id}' is stored already; nothing in this request was stored (send the others again without it)");
                }
                _alreadyStored.Add(statement.Id);
            }

            if (statement.VoidedTarget is { } target)
            {
                var targetIsVoiding = inRequest.TryGetValue(target, out var pending)
                    ? pending.VoidedTarget is not null
                    : store.FindDocument(target) is { } targetDocument && targetDocument["vt"].IsString;
                if (targetIsVoiding)
                {
                    throw XapiException.BadRequest($"statement '{statement.Id}': a voiding statement ('{target}') cannot be voided");
                }
            }
        }
    }

    protected override IReadOnlyList<string> Apply(LiteDatabase database)
    {
        var documents = new List<BsonDocument>(statements.Count);
        var postings = new List<BsonDocument>(statements.Count * 8);
        var written = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        var bySequence = new Dictionary<long, BsonDocument>();
        var storedStatements = new List<PreparedStatement>(statements.Count);
        var observed = new List<StoredStatement>(statements.Count);
        foreach (var statement in statements)
        {
            if (_alreadyStored.Contains(statement.Id))
            {
                continue;
            }

            var (sequence, storedMs) = store.NextPosition();
            var stored = DateTimeOffset.FromUnixTimeMilliseconds(storedMs);
            var keys = new HashSet<string>(statement.Keys, StringComparer.Ordinal);
            if (statement.ReferencedTarget is { } target)
            {
                if (written.TryGetValue(target, out var targetDocument) || (targetDocument = store.FindDocument(target)) is not null)
                {
                    keys.UnionWith(targetDocument["k"].AsArray.Select(k => k.AsString).Where(StatementKeys.IsInherited));
                    if (statement.VoidedTarget is not null && !targetDocument["v"].AsBoolean)
                    {
                        targetDocument["v"] = true;
                        if (!written.ContainsKey(target))
                        {
                            database.GetCollection(LiteDbStatementStore.Statements).Update(targetDocument);
                            RefreshCoveringRows(database, targetDocument);
                        }
                    }
                }
                else
                {
                    store.RememberPendingReference(database, target, sequence);
                }
            }

            var document = ToDocument(statement, keys, sequence, storedMs, partnerId, credentialKey);
            documents.Add(document);
            storedStatements.Add(statement);
            written[statement.Id] = document;
            bySequence[sequence] = document;
            var voidedOnArrival = false;
            foreach (var referencing in store.TakePendingReferences(database, statement.Id))
            {
                voidedOnArrival |= Inherit(database, referencing, statement.Id, keys, bySequence);
            }
            // A statement voided before it arrived is stored voided, as if it had come first. A voiding
            // statement cannot be voided, so a voiding that waited for one is ignored.
            if (voidedOnArrival && statement.VoidedTarget is null)
            {
                document["v"] = true;
            }
            foreach (var (id, definition) in statement.ActivityDefinitions)
            {
                store.MergeActivity(database, id, definition);
            }
            if (!document["v"].AsBoolean)
            {
                observed.Add(new StoredStatement(statement.Id, document["j"].AsString, stored, partnerId, credentialKey, statement.VoidedTarget));
            }
        }

        // Key rows last: voiding and late references above may still have changed these documents.
        foreach (var document in documents)
        {
            postings.AddRange(KeyRows(document));
        }
        database.GetCollection(LiteDbStatementStore.Statements).InsertBulk(documents);
        database.GetCollection(LiteDbStatementStore.Keys).InsertBulk(postings);
        store.SaveAttachments(database, payloads.Values, storedStatements);
        store.Notify(observed);
        return statements.Select(s => s.Id).ToArray();
    }

    public override void RolledBack() => store.ForgetMergedDefinitions();

    // A statement that referred to this one before it arrived now matches the same filters, as it
    // would have had the target come first (spec: filter conditions for StatementRefs). Returns whether
    // that statement voids the one that arrived.
    private static bool Inherit(LiteDatabase database, long sequence, string targetId, IEnumerable<string> targetKeys, Dictionary<long, BsonDocument> inThisBatch)
    {
        var statements = database.GetCollection(LiteDbStatementStore.Statements);
        var pending = inThisBatch.TryGetValue(sequence, out var batched);
        if ((batched ?? statements.FindById(sequence)) is not { } document)
        {
            return false;
        }
        var voids = document["vt"].IsString && string.Equals(document["vt"].AsString, targetId, StringComparison.OrdinalIgnoreCase);
        var present = document["k"].AsArray;
        var added = targetKeys.Where(StatementKeys.IsInherited).Where(k => !present.Contains(k)).ToArray();
        foreach (var key in added)
        {
            present.Add(key);
        }
        if (added.Length > 0 && !pending)
        {
            // A statement of this batch gets its key rows at the end; a stored one gets them now.
            statements.Update(document);
            RefreshCoveringRows(database, document);
            database.GetCollection(LiteDbStatementStore.Keys).InsertBulk(added.Select(k => KeyRow(document, k)));
        }
        return voids;
    }

    /// <summary>The stored statement document and its key rows; also used by the benchmark's raw-insert baseline.</summary>
    internal static (BsonDocument Statement, List<BsonDocument> Keys) ToDocuments(
        PreparedStatement statement, IEnumerable<string> keys, long sequence, long storedMs, string? partnerId, string credentialKey)
    {
        var document = ToDocument(statement, keys, sequence, storedMs, partnerId, credentialKey);
        return (document, KeyRows(document).ToList());
    }

    private static BsonDocument ToDocument(
        PreparedStatement statement, IEnumerable<string> keys, long sequence, long storedMs, string? partnerId, string credentialKey)
    {
        var storedText = Rules.FormatTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(storedMs));
        var json = statement.JsonWithoutStored[..^1]
            + ",\"stored\":\"" + storedText + "\""
            + (statement.HasTimestamp ? "" : ",\"timestamp\":\"" + storedText + "\"")
            + "}";
        return new BsonDocument
        {
            ["_id"] = sequence,
            ["sid"] = statement.Id,
            ["st"] = storedMs,
            ["j"] = json,
            ["k"] = new BsonArray(keys.Select(k => new BsonValue(k))),
            ["v"] = false,
            ["vt"] = statement.VoidedTarget is null ? BsonValue.Null : statement.VoidedTarget,
            ["p"] = partnerId is null ? BsonValue.Null : partnerId,
            ["c"] = credentialKey,
            ["h"] = new BsonArray(statement.AttachmentHashes.Select(h => new BsonValue(h))),
        };
    }

    /// <summary>One row per key of the statement (see <see cref="KeyRow"/>).</summary>
    private static IEnumerable<BsonDocument> KeyRows(BsonDocument statement) =>
        statement["k"].AsArray.Select(k => KeyRow(statement, k.AsString));

    /// <summary>
    /// The row <c>key+sequence</c>. An agent's statements are spread over the whole store, so fetching
    /// them one by one after the key scan costs a random read each; agent rows therefore carry the
    /// statement itself (a copy of its document, <c>s</c> holding the sequence number), and a query by
    /// agent reads only its key range. Other filters match statements stored close together.
    /// </summary>
    private static BsonDocument KeyRow(BsonDocument statement, string key)
    {
        var sequence = statement["_id"].AsInt64;
        var row = new BsonDocument { ["_id"] = key + LiteDbStatementStore.Hex(sequence) };
        if (key[0] == StatementKeys.Agent)
        {
            foreach (var (name, value) in statement)
            {
                if (name != "_id")
                {
                    row[name] = value;
                }
            }
            row["s"] = sequence;
        }
        return row;
    }

    /// <summary>Rewrites the agent rows of a stored statement whose document changed (voided, new keys).</summary>
    internal static void RefreshCoveringRows(LiteDatabase database, BsonDocument statement)
    {
        var keys = database.GetCollection(LiteDbStatementStore.Keys);
        foreach (var key in statement["k"].AsArray.Select(k => k.AsString).Where(k => k[0] == StatementKeys.Agent))
        {
            var row = KeyRow(statement, key);
            // Rows written before agent rows carried the statement stay as they are.
            if (keys.FindById(row["_id"]) is { } existing && existing.ContainsKey("j"))
            {
                keys.Update(row);
            }
        }
    }

    // Statement comparison ignores what the LRS sets (stored, authority, version) and a timestamp the
    // LRS filled in because the client sent none.
    private static bool SameStatement(PreparedStatement candidate, string storedJson)
    {
        var stored = JsonNode.Parse(storedJson)!.AsObject();
        var incoming = (JsonObject)candidate.Statement.DeepClone();
        foreach (var key in new[] { "stored", "authority", "version" })
        {
            stored.Remove(key);
            incoming.Remove(key);
        }
        if (!candidate.HasTimestamp)
        {
            stored.Remove("timestamp");
        }
        StatementComparison.TruncateDurations(stored);
        StatementComparison.TruncateDurations(incoming);
        return JsonNode.DeepEquals(stored, incoming);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using LiteDB;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

// Activity definitions and deletion (privacy erasure and purge).
internal sealed partial class LiteDbStatementStore
{
    /// <summary>
    /// Merges a definition into the canonical one: language maps gain and replace entries, other
    /// properties are replaced. Runs on the writer thread inside the statement's transaction.
    /// </summary>
    internal void MergeActivity(LiteDatabase database, string activityId, JsonObject definition)
    {
        // Most statements repeat the definition they sent last time; merging it again changes nothing.
        var sent = definition.ToJsonString();
        if (_mergedDefinitions.TryGetValue(activityId, out var last) && last == sent)
        {
            return;
        }
        if (_mergedDefinitions.Count > 10_000)
        {
            _mergedDefinitions.Clear();
        }
        _mergedDefinitions[activityId] = sent;

        var collection = database.GetCollection(Activities);
        // IRIs are case-sensitive and LiteDB compares strings ignoring case: the key is a hash.
        var documentKey = StatementKeys.Make('x', activityId);
        var existing = collection.FindById(documentKey) is { } d ? JsonNode.Parse(d["j"].AsString)!.AsObject() : new JsonObject();
        foreach (var (key, value) in definition)
        {
            if (key is "name" or "description" && existing[key] is JsonObject map && value is JsonObject incoming)
            {
                foreach (var (language, text) in incoming)
                {
                    map[language] = text?.DeepClone();
                }
            }
            else
            {
                existing[key] = value?.DeepClone();
            }
        }
        collection.Upsert(new BsonDocument { ["_id"] = documentKey, ["j"] = existing.ToJsonString() });
    }

    /// <summary>Called when a transaction that merged definitions was rolled back.</summary>
    internal void ForgetMergedDefinitions() => _mergedDefinitions.Clear();

    /// <summary>Statements that mention the agent anywhere (actor, object, context, authority, sub-statement).</summary>
    internal List<BsonDocument> FindAboutAgent(string relatedAgentKey)
    {
        var statements = _database.GetCollection(Statements);
        return _database.GetCollection(Keys)
            .Query().Where(Parameterized.Expression("$._id BETWEEN @0 AND @1", relatedAgentKey + Hex(0), relatedAgentKey + Hex(long.MaxValue))).ToList()
            .Select(id => statements.FindById(long.Parse(id["_id"].AsString.AsSpan(relatedAgentKey.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .Where(d => d is not null)
            .ToList();
    }

    /// <summary>The oldest statements stored strictly before <paramref name="before"/>, at most <paramref name="limit"/>.</summary>
    internal List<BsonDocument> FindStoredBefore(DateTimeOffset before, int limit) =>
        _database.GetCollection(Statements).Query()
            .Where(Parameterized.Expression("$.st < @0", before.ToUnixTimeMilliseconds()))
            .OrderBy("st")
            .Limit(limit)
            .ToList();

    /// <summary>How many statements were stored strictly before <paramref name="before"/>.</summary>
    internal int CountStoredBefore(DateTimeOffset before) =>
        _database.GetCollection(Statements).Count(Parameterized.Expression("$.st < @0", before.ToUnixTimeMilliseconds()));

    /// <summary>
    /// Deletes statements, their keys, and the attachment content no remaining statement refers to;
    /// runs on the writer thread. Returns how many attachments were deleted.
    /// </summary>
    internal static int Delete(LiteDatabase database, IReadOnlyCollection<BsonDocument> documents)
    {
        var statements = database.GetCollection(Statements);
        var keys = database.GetCollection(Keys);
        foreach (var document in documents)
        {
            var suffix = Hex(document["_id"].AsInt64);
            foreach (var key in document["k"].AsArray)
            {
                keys.Delete(key.AsString + suffix);
            }
            statements.Delete(document["_id"]);
        }

        // Identical content is stored once whatever the number of statements that carry it, so it goes
        // only with the last of them.
        var attachments = database.GetCollection(Attachments);
        var deleted = 0;
        foreach (var hash in documents.SelectMany(d => d["h"].AsArray.Select(h => h.AsString).Distinct(StringComparer.Ordinal)))
        {
            if (attachments.FindById(hash) is not { } attachment || !attachment["n"].IsInt32)
            {
                continue;
            }
            if (attachment["n"].AsInt32 <= 1)
            {
                attachments.Delete(hash);
                deleted++;
            }
            else
            {
                attachment["n"] = attachment["n"].AsInt32 - 1;
                attachments.Update(attachment);
            }
        }
        return deleted;
    }
}

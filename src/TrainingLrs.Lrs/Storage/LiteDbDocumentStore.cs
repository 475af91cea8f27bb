using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteDB;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// State and profile documents in one collection. Ids and scopes are hashed because activity IRIs and
/// agent identifiers can be longer than a LiteDB index key may be. A partner space prefixes the hashed
/// text with the partner's own hash; the unscoped space has no prefix, so documents stored before
/// partner spaces existed keep their keys and stay the unscoped space's documents. Every document
/// written since carries <c>sp</c>, which is how a legacy document is told from one an unbound
/// credential wrote.
/// </summary>
internal sealed class LiteDbDocumentStore : IDocumentStore
{
    private const string Collection = "documents";

    private readonly LiteDatabase _database;
    private readonly LiteDbWriter _writer;
    private readonly TimeProvider _clock;

    public LiteDbDocumentStore(LrsDatabase database, LiteDbWriter writer, TimeProvider? clock = null)
    {
        _database = database.Database;
        _writer = writer;
        _clock = clock ?? TimeProvider.System;
        var documents = _database.GetCollection(Collection);
        documents.EnsureIndex("s", "$.s");
        documents.EnsureIndex("a", "$.a");
    }

    public StoredDocument? Find(DocumentScope scope, string id) =>
        _database.GetCollection(Collection).FindById(Key(scope, id)) is { } d ? ToDocument(d) : null;

    public IReadOnlyList<StoredDocument> List(DocumentScope scope, DateTimeOffset? since)
    {
        var since_ = since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        return _database.GetCollection(Collection).Find(Parameterized.Expression("$.s = @0", ScopeKey(scope)))
            .Where(d => d["u"].AsInt64 > since_)
            .Select(ToDocument)
            .ToArray();
    }

    public Task<StoredDocument> SaveAsync(DocumentScope scope, string id, string contentType, byte[] content, bool incomingIsObject, bool merge, DocumentPreconditions conditions) =>
        _writer.Enqueue(new SaveJob(this, scope, id, contentType, content, incomingIsObject, merge, conditions));

    /// <summary>Deletes one document (id given) or every document of the scope.</summary>
    public Task<int> DeleteAsync(DocumentScope scope, string? id, DocumentPreconditions conditions) =>
        _writer.Enqueue(new DeleteJob(this, scope, id, conditions));

    public bool HasLegacy(DocumentScope scope) => Legacy(_database, scope).Any();

    public Task<int> AdoptLegacyAsync(DocumentScope scope) =>
        scope.PartnerId is null ? Task.FromResult(0) : _writer.Enqueue(new AdoptJob(scope));

    /// <summary>Documents of an agent (state and agent profiles) in every space, for erasure.</summary>
    internal List<BsonValue> FindByAgent(string agentIdentifier) =>
        _database.GetCollection(Collection).Find(Parameterized.Expression("$.a = @0", StatementKeys.Make('g', agentIdentifier))).Select(d => d["_id"]).ToList();

    internal static void DeleteByIds(LiteDatabase database, IEnumerable<BsonValue> ids)
    {
        var collection = database.GetCollection(Collection);
        foreach (var id in ids)
        {
            collection.Delete(id);
        }
    }

    // The partner prefix is a fixed-length hash, so no partner id can make one space's text look like
    // another's, and an unscoped text starts with a resource name, never with 'p' and hex digits.
    private static string Space(DocumentScope scope) =>
        scope.PartnerId is null ? "" : StatementKeys.Make(StatementKeys.Partner, scope.PartnerId) + "\u001f";

    private static string ScopeKey(DocumentScope scope) => StatementKeys.Make('s', Space(scope) + scope.Text);

    private static string Key(DocumentScope scope, string id) => StatementKeys.Make('d', Space(scope) + scope.Text + "\u001f" + id);

    // An index seek on the unscoped scope: almost always empty for the parameters a partner asks for.
    private static IEnumerable<BsonDocument> Legacy(LiteDatabase database, DocumentScope scope) =>
        database.GetCollection(Collection).Find(Parameterized.Expression("$.s = @0", ScopeKey(scope.Unscoped)))
            .Where(d => !d.ContainsKey("sp"));

    private static BsonDocument ToBson(DocumentScope scope, string id, string contentType, byte[] content, string etag, long updated) => new()
    {
        ["_id"] = Key(scope, id),
        ["s"] = ScopeKey(scope),
        // The agent key carries no partner, so erasure finds the agent's documents in every space.
        ["a"] = scope.AgentIdentifier is null ? BsonValue.Null : StatementKeys.Make('g', scope.AgentIdentifier),
        ["p"] = scope.PartnerId is null ? BsonValue.Null : new BsonValue(scope.PartnerId),
        ["sp"] = true,
        ["id"] = id,
        ["ct"] = contentType,
        ["d"] = content,
        ["e"] = etag,
        ["u"] = updated,
    };

    private static StoredDocument ToDocument(BsonDocument d) =>
        new(d["id"].AsString, d["ct"].AsString, d["d"].AsBinary, d["e"].AsString, DateTimeOffset.FromUnixTimeMilliseconds(d["u"].AsInt64));

    private static void Check(StoredDocument? existing, DocumentPreconditions conditions)
    {
        if (conditions.IfMatch is { } ifMatch
            && (existing is null || (ifMatch.Trim() != "*" && !ifMatch.Split(',').Select(t => t.Trim()).Contains(existing.ETag))))
        {
            throw XapiException.PreconditionFailed("If-Match does not match the current document");
        }
        if (conditions.IfNoneMatch is { } ifNoneMatch && existing is not null
            && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Select(t => t.Trim()).Contains(existing.ETag)))
        {
            throw XapiException.PreconditionFailed("If-None-Match: the document already exists");
        }
        if (conditions.RequiredForExisting && existing is not null && conditions.IfMatch is null && conditions.IfNoneMatch is null)
        {
            throw XapiException.Conflict("the document exists: send If-Match (to replace it) or If-None-Match");
        }
        if (conditions.RequiredForMissing && existing is null && conditions.IfMatch is null && conditions.IfNoneMatch is null)
        {
            throw XapiException.BadRequest("a PUT of a profile document needs If-None-Match: * (to create it) or If-Match (to replace it)");
        }
    }

    private static string ETag(byte[] content) => "\"" + Convert.ToHexStringLower(SHA1.HashData(content)) + "\"";

    private sealed class SaveJob(
        LiteDbDocumentStore store, DocumentScope scope, string id, string contentType, byte[] content, bool incomingIsObject, bool merge, DocumentPreconditions conditions)
        : WriteJob<StoredDocument>
    {
        private JsonObject? _mergeInto;

        public override void Prepare(LiteDatabase database)
        {
            // Prepare runs again when the writer retries the job alone, so nothing is kept from before.
            _mergeInto = null;
            var existing = store.Find(scope, id);
            Check(existing, conditions);
            if (!merge || existing is null)
            {
                return;
            }
            _mergeInto = AsJsonObject(existing)
                ?? throw XapiException.BadRequest("the stored document is not a JSON object, so a POST cannot merge into it");
            if (!incomingIsObject)
            {
                throw XapiException.BadRequest("a POST merges into the stored JSON object, so it must send a JSON object with Content-Type application/json");
            }
        }

        protected override StoredDocument Apply(LiteDatabase database)
        {
            var (type, bytes) = (contentType, content);
            if (_mergeInto is not null)
            {
                // POST merges the top-level properties of two JSON objects; the incoming one wins.
                foreach (var (key, value) in (JsonObject)JsonNode.Parse(content)!)
                {
                    _mergeInto[key] = value?.DeepClone();
                }
                (type, bytes) = ("application/json", System.Text.Encoding.UTF8.GetBytes(_mergeInto.ToJsonString()));
            }
            var document = ToBson(scope, id, type, bytes, ETag(bytes), store._clock.GetUtcNow().ToUnixTimeMilliseconds());
            database.GetCollection(Collection).Upsert(document);
            return ToDocument(document);
        }
    }

    private sealed class DeleteJob(LiteDbDocumentStore store, DocumentScope scope, string? id, DocumentPreconditions conditions) : WriteJob<int>
    {
        public override void Prepare(LiteDatabase database)
        {
            if (id is not null && (conditions.IfMatch is not null || conditions.IfNoneMatch is not null))
            {
                Check(store.Find(scope, id), conditions with { RequiredForExisting = false });
            }
        }

        protected override int Apply(LiteDatabase database)
        {
            var collection = database.GetCollection(Collection);
            return id is not null
                ? (collection.Delete(Key(scope, id)) ? 1 : 0)
                : collection.DeleteMany(Parameterized.Expression("$.s = @0", ScopeKey(scope)));
        }
    }

    private sealed class AdoptJob(DocumentScope scope) : WriteJob<int>
    {
        public override void Prepare(LiteDatabase database)
        {
        }

        protected override int Apply(LiteDatabase database)
        {
            var collection = database.GetCollection(Collection);
            var moved = 0;
            // Read again on the writer: a concurrent request may have adopted them already.
            foreach (var legacy in Legacy(database, scope).ToList())
            {
                var id = legacy["id"].AsString;
                if (collection.FindById(Key(scope, id)) is null)
                {
                    collection.Insert(ToBson(scope, id, legacy["ct"].AsString, legacy["d"].AsBinary, legacy["e"].AsString, legacy["u"].AsInt64));
                    moved++;
                }
                collection.Delete(legacy["_id"]);
            }
            return moved;
        }
    }

    private static JsonObject? AsJsonObject(StoredDocument document)
    {
        if (!IsJson(document.ContentType))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(document.Content) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static bool IsJson(string contentType) =>
        contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Statements;

/// <summary>
/// The LRS as the rest of the server uses it, without HTTP: storing statements made inside the server
/// (webinar attendance, the demo set) through the same validation and single writer as
/// <c>POST /xapi/statements</c>, and reading stored statements back for projections.
/// </summary>
public sealed class StatementIngest
{
    private readonly LiteDbStatementStore _store;
    private readonly LrsDatabase _database;
    private readonly XapiOptions _options;

    private StatementIngest(LiteDbStatementStore store, LrsDatabase database, XapiOptions options)
    {
        _store = store;
        _database = database;
        _options = options;
    }

    /// <summary>The ingest of the LRS registered by <c>AddXapi</c> in <paramref name="services"/>.</summary>
    public static StatementIngest From(IServiceProvider services) => new(
        services.GetRequiredService<LiteDbStatementStore>(),
        services.GetRequiredService<LrsDatabase>(),
        services.GetRequiredService<XapiOptions>());

    /// <summary>
    /// Validates and stores statements (xAPI 1.0.3 rules) as written by <paramref name="author"/>, all or
    /// none; a statement whose id is already stored with the same content is accepted again, so an
    /// import can be repeated. Returns the ids.
    /// </summary>
    /// <exception cref="ArgumentException">A statement is not valid; the message names it and the rule.</exception>
    public async Task<IReadOnlyList<string>> StoreAsync(IReadOnlyList<string> statements, Credential author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(author);
        var prepared = new List<PreparedStatement>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            try
            {
                var node = JsonNode.Parse(statements[i]) as JsonObject ?? throw new ArgumentException($"statement {i + 1}: not a JSON object");
                StatementValidator.Validate(node, $"statements[{i}]", XapiVersion.V1);
                // Only the HTTP API can carry attachment content (multipart/mixed); here it can only be linked.
                if ((node["attachments"] as JsonArray ?? []).OfType<JsonObject>().Any(a => !a.ContainsKey("fileUrl")))
                {
                    throw new ArgumentException($"statement {i + 1}: an attachment without fileUrl needs its content, which only POST /xapi/statements can carry");
                }
                prepared.Add(StatementPreparer.Prepare(node, XapiVersion.V1, author, _options.AuthorityHomePage));
            }
            catch (Exception e) when (e is JsonException or XapiException)
            {
                throw new ArgumentException($"statement {i + 1}: {e.Message}", e);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await _store.StoreAsync(prepared, new Dictionary<string, AttachmentPayload>(), author.PartnerId, author.Key);
        }
        catch (XapiException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    /// <summary>A stored statement that has not been voided, or null.</summary>
    public StoredStatement? FindActive(string statementId) =>
        _store.FindDocument(statementId) is { } document && !document["v"].AsBoolean ? ToStored(document) : null;

    /// <summary>Every statement that has not been voided, in stored order, read in pages so memory stays flat.</summary>
    public IEnumerable<StoredStatement> AllActive()
    {
        var statements = _database.Database.GetCollection(LiteDbStatementStore.Statements);
        long after = long.MinValue;
        while (true)
        {
            var page = statements.Find(Query.GT("_id", after), limit: 5000).ToList();
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var document in page.Where(d => !d["v"].AsBoolean))
            {
                yield return ToStored(document);
            }
            after = page[^1]["_id"].AsInt64;
        }
    }

    private static StoredStatement ToStored(BsonDocument document) => new(
        document["sid"].AsString,
        document["j"].AsString,
        DateTimeOffset.FromUnixTimeMilliseconds(document["st"].AsInt64),
        document["p"].IsString ? document["p"].AsString : null,
        document["c"].AsString,
        document["vt"].IsString ? document["vt"].AsString : null);
}

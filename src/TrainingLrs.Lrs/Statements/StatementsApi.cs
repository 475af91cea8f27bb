using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Statements;

/// <summary>The Statement resource: PUT, POST, GET and HEAD on <c>/xapi/statements</c>.</summary>
internal static partial class StatementsApi
{
    public static void MapStatements(this RouteGroupBuilder xapi)
    {
        var statements = xapi.MapGroup("/statements");
        statements.MapPut("", PutAsync).RequireAuthorization(ScopeAuthorization.Policy(Scopes.StatementsWrite));
        statements.MapPost("", PostAsync).RequireAuthorization(ScopeAuthorization.Policy(Scopes.StatementsWrite));
        statements.MapMethods("", [HttpMethods.Get, HttpMethods.Head], GetAsync)
            .RequireAuthorization(ScopeAuthorization.Policy(Scopes.StatementsRead, Scopes.StatementsReadMine, Scopes.AllRead));
    }

    private static async Task<IResult> PutAsync(HttpContext context, IStatementStore store, XapiOptions options)
    {
        var request = context.Request;
        request.OnlyParameters("statementId");
        var statementId = request.UuidParameter("statementId", required: true)!;
        var (body, parts) = await ReadBodyAsync(request);
        if (body is not JsonObject statement)
        {
            throw XapiException.BadRequest("PUT takes a single statement (a JSON object)");
        }
        if (statement["id"] is { } id && !string.Equals(id.ToString(), statementId, StringComparison.OrdinalIgnoreCase))
        {
            throw XapiException.BadRequest("statement.id: differs from the statementId parameter");
        }
        statement["id"] = statementId;
        await StoreAsync(context, store, options, [statement], parts, isBatch: false, StoredIdPolicy.AcceptIdentical);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PostAsync(HttpContext context, IStatementStore store, XapiOptions options)
    {
        context.Request.OnlyParameters();
        var (body, parts) = await ReadBodyAsync(context.Request);
        var isBatch = body is JsonArray;
        var statements = body switch
        {
            JsonObject single => [single],
            JsonArray array => array.Select((s, i) => s as JsonObject ?? throw XapiException.BadRequest($"statements[{i}]: must be a JSON object")).ToList(),
            _ => throw XapiException.BadRequest("the body must be a statement or an array of statements"),
        };
        var storedIds = context.Version() == XapiVersion.V1 ? StoredIdPolicy.Refuse : StoredIdPolicy.AcceptIdentical;
        var ids = await StoreAsync(context, store, options, statements, parts, isBatch, storedIds);
        return TypedResults.Json(ids);
    }

    private static async Task<(JsonNode Body, Dictionary<string, AttachmentPayload> Parts)> ReadBodyAsync(HttpRequest request)
    {
        switch (request.MediaType())
        {
            case "multipart/mixed":
                var (json, parts) = await MultipartStatements.ReadAsync(request);
                return (XapiRequest.ParseJson(json, "the statement part"), parts);
            case "application/json":
                return (XapiRequest.ParseJson(await request.ReadBodyAsync(), "the body"), []);
            default:
                throw XapiException.BadRequest("Content-Type must be application/json or multipart/mixed");
        }
    }

    private static async Task<IReadOnlyList<string>> StoreAsync(
        HttpContext context,
        IStatementStore store,
        XapiOptions options,
        IReadOnlyList<JsonObject> statements,
        Dictionary<string, AttachmentPayload> parts,
        bool isBatch,
        StoredIdPolicy storedIds)
    {
        var version = context.Version();
        var credential = context.Credential();
        var prepared = new List<PreparedStatement>(statements.Count);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            var path = isBatch ? $"statements[{i}]" : "statement";
            StatementValidator.Validate(statements[i], path, version);
            SignatureVerifier.Verify(statements[i], path, parts);
            foreach (var attachment in (statements[i]["attachments"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var hash = attachment["sha2"]!.GetValue<string>().ToLowerInvariant();
                declared.Add(hash);
                if (!attachment.ContainsKey("fileUrl") && !parts.ContainsKey(hash))
                {
                    throw XapiException.BadRequest($"{path}.attachments: the content of attachment '{hash}' is neither sent (multipart/mixed) nor linked (fileUrl)");
                }
            }
            prepared.Add(StatementPreparer.Prepare(statements[i], version, credential, options.AuthorityHomePage));
        }
        if (parts.Keys.FirstOrDefault(h => !declared.Contains(h)) is { } stray)
        {
            throw XapiException.BadRequest($"attachment part '{stray}' matches no attachment of the statements");
        }
        return await store.StoreAsync(prepared, parts, credential.PartnerId, credential.Key, storedIds);
    }
}

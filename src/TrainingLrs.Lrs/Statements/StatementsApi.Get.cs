using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Statements;

// GET and HEAD: one statement by id, or a query with paging.
internal static partial class StatementsApi
{
    private const string ConsistentThroughHeader = XapiMiddleware.ConsistentThroughHeader;

    private static readonly string[] _queryParameters =
    [
        "statementId", "voidedStatementId", "agent", "verb", "activity", "registration", "related_activities",
        "related_agents", "since", "until", "limit", "format", "attachments", "ascending",
    ];

    private static async Task<IResult> GetAsync(HttpContext context, IStatementStore store, XapiOptions options)
    {
        var request = context.Request;
        var credential = context.Credential();
        PageToken? token = null;
        if (request.Query.ContainsKey("more"))
        {
            request.OnlyParameters("more");
            token = PageToken.Decode(request.Parameter("more")!);
            request.QueryString = new QueryString(token.Query);
        }
        request.OnlyParameters(_queryParameters);
        var format = request.Parameter("format") ?? "exact";
        if (format is not ("exact" or "ids" or "canonical"))
        {
            throw XapiException.BadRequest($"parameter 'format': '{JsonReader.Clip(format)}' must be ids, exact or canonical");
        }
        var attachments = request.BooleanParameter("attachments");
        var access = AccessKeys(credential);
        context.Response.Headers[ConsistentThroughHeader] = Rules.FormatTimestamp(store.ConsistentThrough);

        var statementId = request.UuidParameter("statementId");
        var voidedId = request.UuidParameter("voidedStatementId");
        if (statementId is not null || voidedId is not null)
        {
            if (request.Query.Keys.Any(k => k is not ("statementId" or "voidedStatementId" or "format" or "attachments"))
                || (statementId is not null && voidedId is not null))
            {
                throw XapiException.BadRequest("with statementId or voidedStatementId, only format and attachments may be given");
            }
            var record = store.Find(statementId ?? voidedId!);
            if (record is null || record.Voided != (voidedId is not null) || !access.All(record.Keys.Contains))
            {
                throw XapiException.NotFound(voidedId is not null ? $"no voided statement '{voidedId}'" : $"no statement '{statementId}'");
            }
            context.Response.Headers.LastModified = record.Stored.ToString("R");
            var json = Format(record.Json, format, context, store);
            return await RespondAsync(context, store, json, attachments, record.AttachmentHashes);
        }

        var query = ParseQuery(context, options, access, token);
        var page = store.Search(query);
        var builder = new StringBuilder("{\"statements\":[");
        for (var i = 0; i < page.Statements.Count; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(Format(page.Statements[i].Json, format, context, store));
        }
        var more = page.Last is { } last
            ? $"{request.PathBase}{XapiMiddleware.BasePath}/statements?more={new PageToken(token?.Query ?? request.QueryString.Value ?? "", last, page.Bound).Encode()}"
            : "";
        builder.Append("],\"more\":").Append(JsonSerializer.Serialize(more)).Append('}');
        var hashes = page.Statements.SelectMany(s => s.AttachmentHashes).Distinct().ToArray();
        return await RespondAsync(context, store, builder.ToString(), attachments, hashes);
    }

    private static StatementQuery ParseQuery(HttpContext context, XapiOptions options, IReadOnlyList<string> access, PageToken? token)
    {
        var request = context.Request;
        var version = context.Version();
        var relatedAgents = request.BooleanParameter("related_agents");
        var relatedActivities = request.BooleanParameter("related_activities");
        var keys = new List<string>();
        if (request.UuidParameter("registration") is { } registration)
        {
            keys.Add(StatementKeys.Make(StatementKeys.Registration, registration));
        }
        if (request.IriParameter("activity") is { } activity)
        {
            keys.Add(StatementKeys.Make(relatedActivities ? StatementKeys.RelatedActivity : StatementKeys.Activity, activity));
        }
        if (request.AgentParameter("agent", version) is { } agent)
        {
            keys.Add(StatementKeys.ForAgent(agent, relatedAgents));
        }
        keys.AddRange(access);
        if (request.IriParameter("verb") is { } verb)
        {
            keys.Add(StatementKeys.Make(StatementKeys.Verb, verb));
        }

        var limitText = request.Parameter("limit") ?? "0";
        if (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit))
        {
            throw XapiException.BadRequest($"parameter 'limit': '{JsonReader.Clip(limitText)}' must be a non-negative integer");
        }
        return new StatementQuery
        {
            Keys = keys,
            Since = request.TimestampParameter("since"),
            Until = request.TimestampParameter("until"),
            Limit = limit == 0 ? options.MaxStatementsPerPage : Math.Min(limit, options.MaxStatementsPerPage),
            Ascending = request.BooleanParameter("ascending"),
            After = token?.After,
            Bound = token?.Bound,
        };
    }

    /// <summary>Keys every statement a credential may read must carry: its partner's, and its own for read/mine.</summary>
    private static IReadOnlyList<string> AccessKeys(Credential credential)
    {
        var keys = new List<string>();
        if (credential.PartnerId is not null)
        {
            keys.Add(StatementKeys.Make(StatementKeys.Partner, credential.PartnerId));
        }
        if (!credential.HasScope(Scopes.StatementsRead) && !credential.HasScope(Scopes.AllRead))
        {
            keys.Add(StatementKeys.Make(StatementKeys.Credential, credential.Key));
        }
        return keys;
    }

    private static string Format(string json, string format, HttpContext context, IStatementStore store)
    {
        if (format == "exact")
        {
            return json;
        }
        var statement = JsonNode.Parse(json)!.AsObject();
        return format == "ids"
            ? StatementFormatter.Ids(statement).ToJsonString()
            : StatementFormatter.Canonical(statement, store.FindActivity, StatementFormatter.Languages(context.Request.Headers.AcceptLanguage)).ToJsonString();
    }

    // attachments=true always answers multipart/mixed, even when no statement has an attachment.
    private static async Task<IResult> RespondAsync(HttpContext context, IStatementStore store, string json, bool attachments, IReadOnlyList<string> hashes)
    {
        if (!attachments)
        {
            // Exactly application/json (UTF-8 is JSON's only encoding): the 1.0.3 conformance suite compares the header as a string.
            return TypedResults.Text(json, "application/json");
        }
        var payloads = hashes.Select(store.FindAttachment).OfType<AttachmentPayload>().ToArray();
        await MultipartStatements.WriteAsync(context.Response, json, payloads);
        return TypedResults.Empty;
    }

    /// <summary>A <c>more</c> link: the original query, the last position returned, and the bound seen by the first page.</summary>
    private sealed record PageToken(string Query, long After, long Bound)
    {
        public string Encode() =>
            WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Query, After.ToString(System.Globalization.CultureInfo.InvariantCulture), Bound.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        public static PageToken Decode(string text)
        {
            try
            {
                var parts = JsonSerializer.Deserialize<string[]>(WebEncoders.Base64UrlDecode(text));
                if (parts is [var query, var after, var bound] && query.StartsWith('?') || parts is ["", _, _])
                {
                    return new PageToken(parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is FormatException or JsonException or OverflowException)
            {
                // Falls through to the error below.
            }
            throw XapiException.BadRequest("parameter 'more' is not a link this LRS issued");
        }
    }
}

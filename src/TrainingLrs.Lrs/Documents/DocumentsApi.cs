using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Documents;

/// <summary>
/// The three document resources (State, Activity Profile, Agent Profile): they differ only in the
/// parameters that identify a document, so one set of handlers serves all three. A partner-bound
/// credential works in its partner's space, any other credential in the unscoped space (see
/// <see cref="LegacyDocuments"/> for documents stored before spaces existed).
/// </summary>
internal static class DocumentsApi
{
    private static readonly DocumentResource _state = new("state", "stateId", HasActivity: true, HasAgent: true, HasRegistration: true, RequirePrecondition: false);
    private static readonly DocumentResource _activityProfile = new("activityProfile", "profileId", HasActivity: true, HasAgent: false, HasRegistration: false, RequirePrecondition: true);
    private static readonly DocumentResource _agentProfile = new("agentProfile", "profileId", HasActivity: false, HasAgent: true, HasRegistration: false, RequirePrecondition: true);

    public static void MapDocuments(this RouteGroupBuilder xapi)
    {
        Map(xapi, "/activities/state", _state, Scopes.State);
        Map(xapi, "/activities/profile", _activityProfile, Scopes.Profile);
        Map(xapi, "/agents/profile", _agentProfile, Scopes.Profile);
    }

    private static void Map(RouteGroupBuilder xapi, string path, DocumentResource resource, string scope)
    {
        var group = xapi.MapGroup(path);
        group.MapMethods("", [HttpMethods.Get, HttpMethods.Head], (HttpContext c, IDocumentStore s, IStatementStore st) => GetAsync(c, s, st, resource))
            .RequireAuthorization(ScopeAuthorization.Policy(scope, Scopes.AllRead));
        group.MapPut("", (HttpContext c, IDocumentStore s, IStatementStore st) => SaveAsync(c, s, st, resource, merge: false))
            .RequireAuthorization(ScopeAuthorization.Policy(scope));
        group.MapPost("", (HttpContext c, IDocumentStore s, IStatementStore st) => SaveAsync(c, s, st, resource, merge: true))
            .RequireAuthorization(ScopeAuthorization.Policy(scope));
        group.MapDelete("", (HttpContext c, IDocumentStore s, IStatementStore st) => DeleteAsync(c, s, st, resource))
            .RequireAuthorization(ScopeAuthorization.Policy(scope));
    }

    private static async Task<IResult> GetAsync(HttpContext context, IDocumentStore store, IStatementStore statements, DocumentResource resource)
    {
        var request = context.Request;
        request.OnlyParameters(resource.Parameters(includeSince: true));
        var scope = Scope(context, resource);
        // 'since' filters the list of ids; with a document id it is checked but has no effect (the
        // conformance suite sends both and expects the document).
        var since = request.TimestampParameter("since");
        await LegacyDocuments.AdoptAsync(store, statements, scope);
        if (request.Parameter(resource.IdParameter) is { } id)
        {
            var document = store.Find(scope, id) ?? throw XapiException.NotFound($"no document '{id}'");
            context.Response.Headers.ETag = document.ETag;
            context.Response.Headers.LastModified = document.Updated.ToString("R");
            return TypedResults.Bytes(document.Content, document.ContentType);
        }

        var documents = store.List(scope, since);
        if (documents.Count > 0)
        {
            context.Response.Headers.LastModified = documents.Max(d => d.Updated).ToString("R");
        }
        return TypedResults.Json(documents.Select(d => d.Id).ToArray());
    }

    private static async Task<IResult> SaveAsync(HttpContext context, IDocumentStore store, IStatementStore statements, DocumentResource resource, bool merge)
    {
        var request = context.Request;
        request.OnlyParameters(resource.Parameters(includeSince: false));
        var scope = Scope(context, resource);
        var id = request.Parameter(resource.IdParameter, required: true)!;
        var content = await request.ReadBodyAsync();
        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType!;
        // A body declared as JSON must be JSON. Whether a POST can merge is decided by the store, which
        // knows whether a document exists: with none, a POST stores the body as sent, like a PUT.
        var incomingIsObject = LiteDbDocumentStore.IsJson(contentType)
            && XapiRequest.ParseJson(content, "the document") is JsonObject;

        // 1.0.3 requires a precondition on a PUT over an existing profile; 2.0 extends that to State. A
        // 1.0.x profile PUT needs one even for a new document (the 1.0.3 conformance suite expects 400
        // without); 2.0 creates the document.
        var required = !merge && (resource.RequirePrecondition || context.Version() == XapiVersion.V2);
        var requiredForNew = !merge && resource.RequirePrecondition && context.Version() == XapiVersion.V1;
        var conditions = new DocumentPreconditions(NullIfEmpty(request.Headers.IfMatch), NullIfEmpty(request.Headers.IfNoneMatch), required, requiredForNew);
        await LegacyDocuments.AdoptAsync(store, statements, scope);
        var saved = await store.SaveAsync(scope, id, contentType, content, incomingIsObject, merge, conditions);
        context.Response.Headers.ETag = saved.ETag;
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IDocumentStore store, IStatementStore statements, DocumentResource resource)
    {
        var request = context.Request;
        request.OnlyParameters(resource.Parameters(includeSince: false));
        var scope = Scope(context, resource);
        var id = request.Parameter(resource.IdParameter, required: !resource.HasRegistration);
        var conditions = new DocumentPreconditions(NullIfEmpty(request.Headers.IfMatch), NullIfEmpty(request.Headers.IfNoneMatch), false);
        await LegacyDocuments.AdoptAsync(store, statements, scope);
        await store.DeleteAsync(scope, id, conditions);
        return TypedResults.NoContent();
    }

    /// <summary>The document parameters of a request, in the space of its credential.</summary>
    private static DocumentScope Scope(HttpContext context, DocumentResource resource)
    {
        var request = context.Request;
        var activity = resource.HasActivity ? request.IriParameter("activityId", required: true) : null;
        var agent = resource.HasAgent ? request.AgentParameter("agent", context.Version(), required: true) : null;
        var registration = resource.HasRegistration ? request.UuidParameter("registration") : null;
        var identifier = agent is null ? null : StatementKeys.Identifier(agent)
            ?? throw XapiException.BadRequest("parameter 'agent': must be an Agent or an identified Group");
        return new DocumentScope(string.Join('\u001f', resource.Name, activity, identifier, registration), identifier, activity, context.Credential().PartnerId);
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();

    private sealed record DocumentResource(string Name, string IdParameter, bool HasActivity, bool HasAgent, bool HasRegistration, bool RequirePrecondition)
    {
        public string[] Parameters(bool includeSince)
        {
            var list = new List<string> { IdParameter };
            if (HasActivity)
            {
                list.Add("activityId");
            }
            if (HasAgent)
            {
                list.Add("agent");
            }
            if (HasRegistration)
            {
                list.Add("registration");
            }
            if (includeSince)
            {
                list.Add("since");
            }
            return [.. list];
        }
    }
}

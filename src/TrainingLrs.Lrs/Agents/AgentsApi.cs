using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Lrs.Agents;

/// <summary>
/// The Agents resource: the Person object for an agent. This LRS does not link identities, so the
/// Person holds exactly the identifier (and name) it was asked about.
/// </summary>
internal static class AgentsApi
{
    public static void MapAgents(this RouteGroupBuilder xapi) =>
        xapi.MapMethods("/agents", [HttpMethods.Get, HttpMethods.Head], Get)
            .RequireAuthorization(ScopeAuthorization.Policy(Scopes.AllRead, Scopes.StatementsRead, Scopes.StatementsReadMine, Scopes.Profile, Scopes.State, Scopes.Define));

    private static IResult Get(HttpContext context)
    {
        context.Request.OnlyParameters("agent");
        var agent = context.Request.AgentParameter("agent", context.Version(), required: true)!;
        if (agent["objectType"]?.GetValue<string>() == "Group")
        {
            throw XapiException.BadRequest("parameter 'agent': must be an Agent, not a Group");
        }
        var person = new JsonObject { ["objectType"] = "Person" };
        foreach (var key in new[] { "name", "mbox", "mbox_sha1sum", "openid", "account" })
        {
            if (agent[key] is { } value)
            {
                person[key] = new JsonArray(value.DeepClone());
            }
        }
        return TypedResults.Text(person.ToJsonString(), "application/json");
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Activities;

/// <summary>The Activities resource: the canonical definition the LRS merged from statements sent with <c>define</c>.</summary>
internal static class ActivitiesApi
{
    public static void MapActivities(this RouteGroupBuilder xapi) =>
        xapi.MapMethods("/activities", [HttpMethods.Get, HttpMethods.Head], Get)
            .RequireAuthorization(ScopeAuthorization.Policy(Scopes.AllRead, Scopes.StatementsRead, Scopes.StatementsReadMine, Scopes.Define, Scopes.Profile, Scopes.State));

    private static IResult Get(HttpContext context, IStatementStore store)
    {
        context.Request.OnlyParameters("activityId");
        var id = context.Request.IriParameter("activityId", required: true)!;
        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = id };
        if (store.FindActivity(id) is { } definition)
        {
            activity["definition"] = definition;
        }
        return TypedResults.Text(activity.ToJsonString(), "application/json");
    }
}

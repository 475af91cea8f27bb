using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingLrs.Lrs.Http;

namespace TrainingLrs.Lrs.About;

/// <summary>The About resource: the versions this LRS speaks. Open to anyone, as the spec allows.</summary>
internal static class AboutApi
{
    public static void MapAbout(this RouteGroupBuilder xapi) =>
        xapi.MapMethods("/about", [HttpMethods.Get, HttpMethods.Head], Get).AllowAnonymous();

    private static IResult Get(HttpContext context)
    {
        context.Request.OnlyParameters();
        var about = new JsonObject
        {
            ["version"] = new JsonArray(XapiVersions.Supported.Select(v => (JsonNode)v).ToArray()),
            ["extensions"] = new JsonObject(),
        };
        return TypedResults.Text(about.ToJsonString(), "application/json");
    }
}

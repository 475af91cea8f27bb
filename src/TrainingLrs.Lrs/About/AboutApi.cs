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
        // A 1.0.x client is told only the 1.0.x versions: to it, "2.0.0" is not a version value the
        // 1.0.3 specification allows in About (its conformance suite checks exactly that).
        var versions = context.Version() == XapiVersion.V1
            ? XapiVersions.Supported.Where(v => v.StartsWith("1.", StringComparison.Ordinal))
            : XapiVersions.Supported;
        var about = new JsonObject
        {
            ["version"] = new JsonArray(versions.Select(v => (JsonNode)v).ToArray()),
            ["extensions"] = new JsonObject(),
        };
        return TypedResults.Text(about.ToJsonString(), "application/json");
    }
}

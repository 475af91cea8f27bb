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
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Privacy;

/// <summary>
/// Administration of personal data: erase everything about one actor, purge statements stored before
/// a date. Both take <c>"dryRun": true</c> to report the counts without deleting.
/// </summary>
internal static class PrivacyApi
{
    public static void MapPrivacy(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/admin/privacy").RequireAuthorization(ScopeAuthorization.Policy(Scopes.Admin));
        privacy.MapPost("/erase", EraseAsync);
        privacy.MapPost("/purge", PurgeAsync);
    }

    private static async Task<IResult> EraseAsync(HttpContext context, IPrivacyStore privacy)
    {
        var (body, error) = await ReadAsync(context);
        if (error is not null)
        {
            return error;
        }
        string identifier;
        try
        {
            identifier = PersonalData.IdentifierOf(body!["agent"] as JsonObject ?? throw new ArgumentException("agent: is required (an Agent object)"));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(new { error = true, message = e.Message });
        }

        var dryRun = body!["dryRun"]?.GetValueKind() == JsonValueKind.True;
        var result = await privacy.EraseAgentAsync(identifier, dryRun);
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> PurgeAsync(HttpContext context, IPrivacyStore privacy)
    {
        var (body, error) = await ReadAsync(context);
        if (error is not null)
        {
            return error;
        }
        var before = body!["before"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && Rules.TryParseTimestamp(v.GetValue<string>(), out var parsed)
            ? parsed
            : (DateTimeOffset?)null;
        if (before is null)
        {
            return TypedResults.BadRequest(new { error = true, message = "before: is required (an ISO 8601 timestamp)" });
        }

        var dryRun = body["dryRun"]?.GetValueKind() == JsonValueKind.True;
        var result = await privacy.PurgeAsync(before.Value, dryRun, context.RequestAborted);
        return TypedResults.Ok(result);
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadAsync(HttpContext context)
    {
        try
        {
            var bytes = await context.Request.ReadBodyAsync();
            return (XapiRequest.ParseJson(bytes, "the body") as JsonObject ?? throw XapiException.BadRequest("the body must be a JSON object"), null);
        }
        catch (XapiException e)
        {
            return (null, TypedResults.BadRequest(new { error = true, message = e.Message }));
        }
    }
}

using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Hosting;

/// <summary><c>GET /health</c>: 200 while the database answers, 503 otherwise. No credential needed.</summary>
public static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).AllowAnonymous();
        return app;
    }

    internal static IResult GetHealth(LrsDatabase database) =>
        database.IsHealthy()
            ? TypedResults.Ok(new HealthReport("healthy", "open"))
            : TypedResults.Json(new HealthReport("unhealthy", "unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);

    internal sealed record HealthReport(string Status, string Database);
}

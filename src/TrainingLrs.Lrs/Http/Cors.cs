using Microsoft.AspNetCore.Http;

namespace TrainingLrs.Lrs.Http;

/// <summary>
/// CORS for lessons running inside LMSs on other domains. Preflights are answered here, before
/// authentication, because browsers never send credentials on a preflight.
/// </summary>
internal static class Cors
{
    private const string AllowedHeaders =
        "Authorization, Content-Type, Content-Length, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language, X-Requested-With";

    private const string ExposedHeaders =
        "ETag, Last-Modified, Content-Type, Content-Length, X-Experience-API-Version, X-Experience-API-Consistent-Through, Location, Retry-After";

    /// <summary>Adds CORS headers; returns true when the request was a preflight and is answered.</summary>
    public static bool Apply(HttpContext context, XapiOptions options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var anyOrigin = options.AllowedOrigins.Contains("*");
        var allowed = anyOrigin || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
        var isPreflight = HttpMethods.IsOptions(context.Request.Method)
            && context.Request.Headers.ContainsKey("Access-Control-Request-Method");
        if (allowed)
        {
            var headers = context.Response.Headers;
            // Echo the origin rather than "*" so that browsers sending credentials are accepted too.
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
            headers.AccessControlExposeHeaders = ExposedHeaders;
            headers.Vary = "Origin";
            if (isPreflight)
            {
                headers.AccessControlAllowMethods = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
                var requested = context.Request.Headers.AccessControlRequestHeaders.ToString();
                headers.AccessControlAllowHeaders = requested.Length > 0 ? requested : AllowedHeaders;
                headers.AccessControlMaxAge = "86400";
            }
        }

        if (isPreflight)
        {
            context.Response.StatusCode = allowed ? StatusCodes.Status204NoContent : StatusCodes.Status403Forbidden;
            return true;
        }
        return false;
    }
}

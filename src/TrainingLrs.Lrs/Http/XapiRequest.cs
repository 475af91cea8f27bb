using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Http;

/// <summary>What the handlers need from a request: the version, the credential, checked parameters and the body.</summary>
internal static class XapiRequest
{
    private static readonly object _versionKey = new();

    public static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static void SetVersion(this HttpContext context, XapiVersion version) => context.Items[_versionKey] = version;

    public static XapiVersion Version(this HttpContext context) =>
        context.Items.TryGetValue(_versionKey, out var v) && v is XapiVersion version ? version : XapiVersion.V2;

    public static Credential Credential(this HttpContext context) =>
        context.GetCredential() ?? throw new XapiException(401, "authentication required");

    /// <summary>Refuses parameters the resource does not define (names are case-sensitive).</summary>
    public static void OnlyParameters(this HttpRequest request, params string[] allowed)
    {
        foreach (var key in request.Query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw XapiException.BadRequest($"parameter '{JsonReader.Clip(key)}' is not allowed here (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public static string? Parameter(this HttpRequest request, string name, bool required = false)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            throw XapiException.BadRequest($"parameter '{name}' is given more than once");
        }
        var value = values.Count == 1 ? values[0] : null;
        return value is null && required ? throw XapiException.BadRequest($"parameter '{name}' is required") : value;
    }

    public static string? IriParameter(this HttpRequest request, string name, bool required = false)
    {
        var value = request.Parameter(name, required);
        return value is not null && !Rules.IsIri(value)
            ? throw XapiException.BadRequest($"parameter '{name}': '{JsonReader.Clip(value)}' is not an absolute IRI")
            : value;
    }

    public static string? UuidParameter(this HttpRequest request, string name, bool required = false)
    {
        var value = request.Parameter(name, required);
        return value is not null && !Rules.IsUuid(value)
            ? throw XapiException.BadRequest($"parameter '{name}': '{JsonReader.Clip(value)}' is not a UUID")
            : value?.ToLowerInvariant();
    }

    public static DateTimeOffset? TimestampParameter(this HttpRequest request, string name)
    {
        var value = request.Parameter(name);
        if (value is null)
        {
            return null;
        }
        return Rules.TryParseTimestamp(value, out var parsed)
            ? parsed
            : throw XapiException.BadRequest($"parameter '{name}': '{JsonReader.Clip(value)}' is not an ISO 8601 timestamp");
    }

    public static bool BooleanParameter(this HttpRequest request, string name) =>
        request.Parameter(name) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw XapiException.BadRequest($"parameter '{name}': '{JsonReader.Clip(other)}' must be true or false"),
        };

    /// <summary>Parses an Agent (or identified Group) given as JSON in a parameter.</summary>
    public static JsonObject? AgentParameter(this HttpRequest request, string name, XapiVersion version, bool required = false)
    {
        var value = request.Parameter(name, required);
        if (value is null)
        {
            return null;
        }
        var agent = ParseJson(value, $"parameter '{name}'") as JsonObject
            ?? throw XapiException.BadRequest($"parameter '{name}' must be a JSON Agent object");
        StatementValidator.Actor(agent, name, version, requireObjectType: false);
        return agent;
    }

    public static JsonNode ParseJson(string text, string what)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonOptions) ?? throw XapiException.BadRequest($"{what}: JSON null is not allowed");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw XapiException.BadRequest($"{what} is not valid JSON: {e.Message}");
        }
    }

    public static JsonNode ParseJson(ReadOnlySpan<byte> utf8, string what)
    {
        try
        {
            return JsonNode.Parse(utf8, documentOptions: JsonOptions) ?? throw XapiException.BadRequest($"{what}: JSON null is not allowed");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw XapiException.BadRequest($"{what} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Reads the whole body (the body-size limit is enforced by Kestrel through the middleware).</summary>
    public static async Task<byte[]> ReadBodyAsync(this HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>The media type of the request without parameters, lower-case, or "".</summary>
    public static string MediaType(this HttpRequest request) =>
        (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}

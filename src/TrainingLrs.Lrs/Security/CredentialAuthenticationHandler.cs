using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TrainingLrs.Lrs.Credentials;

namespace TrainingLrs.Lrs.Security;

/// <summary>
/// Authenticates a request by a key/secret credential sent as HTTP Basic auth, or, on OData and CSV
/// requests only, in the query string: <c>?api_key=KEY:SECRET</c> (Power BI's and Excel's "Web API"
/// credential, which adds one named parameter to every request) or <c>?key=…&amp;secret=…</c>.
/// </summary>
public sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ICredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Credential";

    /// <summary>The query parameter that carries <c>KEY:SECRET</c> as one value (Power Query's <c>ApiKeyName</c>).</summary>
    public const string ApiKeyParameter = "api_key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadCredentials(out var key, out var secret, out var problem))
        {
            return Task.FromResult(problem is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(problem));
        }

        var credential = credentials.Authenticate(key, secret);
        if (credential is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked credential, or wrong secret"));
        }

        Context.SetCredential(credential);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, credential.Key), new(ClaimTypes.Name, credential.Name) };
        claims.AddRange(credential.Scopes.Select(s => new Claim(CredentialClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"TrainingLrs\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private bool TryReadCredentials(out string key, out string secret, out string? problem)
    {
        key = secret = "";
        problem = null;
        string header = Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!AuthenticationHeaderValue.TryParse(header, out var value)
                || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
                || string.IsNullOrEmpty(value.Parameter))
            {
                problem = "the Authorization header must be Basic with base64 key:secret";
                return false;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            }
            catch (FormatException)
            {
                problem = "the Basic credentials are not valid base64";
                return false;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problem = "the Basic credentials must be key:secret";
                return false;
            }

            key = decoded[..colon];
            secret = decoded[(colon + 1)..];
            return true;
        }

        if (!AllowsQueryCredentials(Request.Path))
        {
            return false;
        }

        // Power Query adds the api_key parameter to every URL it requests, next links included, and next
        // links already carry the request's parameters: the same value twice is one credential.
        if (Request.Query.TryGetValue(ApiKeyParameter, out var apiKey))
        {
            var colon = apiKey.Count > 0 ? apiKey[0]!.IndexOf(':', StringComparison.Ordinal) : -1;
            if (!IsOneValue(apiKey) || colon <= 0)
            {
                problem = $"the {ApiKeyParameter} query parameter must be given once, as KEY:SECRET";
                return false;
            }

            key = apiKey[0]![..colon];
            secret = apiKey[0]![(colon + 1)..];
            return true;
        }

        if (Request.Query.TryGetValue("key", out var queryKey) && Request.Query.TryGetValue("secret", out var querySecret))
        {
            if (!IsOneValue(queryKey) || !IsOneValue(querySecret))
            {
                problem = "the key and secret query parameters must each be given once";
                return false;
            }

            key = queryKey[0]!;
            secret = querySecret[0]!;
            return key.Length > 0;
        }

        return false;
    }

    private static bool IsOneValue(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && values.All(v => string.Equals(v, values[0], StringComparison.Ordinal));

    // Secrets in URLs end up in logs and browser history; only the read-only reporting feeds, whose
    // clients cannot send headers, accept them.
    private static bool AllowsQueryCredentials(PathString path) =>
        path.StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/reports", StringComparison.OrdinalIgnoreCase);
}

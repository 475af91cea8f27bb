using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Admin;

/// <summary>
/// <c>/admin/keys</c>: the HTTP twin of <c>traininglrs keys</c>, for use while the server holds the
/// database. Admin scope only.
/// </summary>
public static class KeysApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/keys").RequireAuthorization(ScopeAuthorization.Policy(Scopes.Admin));
        group.MapPost("/", CreateKey);
        group.MapGet("/", ListKeys);
        group.MapDelete("/{key}", RevokeKey);
        return app;
    }

    internal static IResult CreateKey(CreateKeyRequest? request, ICredentialStore store)
    {
        if (request is null)
        {
            return TypedResults.Problem("a JSON body {\"name\":…,\"scopes\":[…]} is required", statusCode: StatusCodes.Status400BadRequest);
        }

        var problem = KeyRequestValidation.Validate(request.Name, string.Join(',', request.Scopes ?? []), request.PartnerId, request.MemberId, out var scopes);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var issued = store.Create(new CredentialRequest(request.Name!, scopes, request.PartnerId, request.MemberId));
        return TypedResults.Created($"/admin/keys/{issued.Credential.Key}", new IssuedKey(issued.Credential.Key, issued.Secret));
    }

    internal static IResult ListKeys(ICredentialStore store) =>
        TypedResults.Ok(store.List().Select(KeySummary.From));

    internal static IResult RevokeKey(string key, ICredentialStore store) =>
        store.Revoke(key) ? TypedResults.NoContent() : TypedResults.Problem($"no credential has key '{key}'", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Body of <c>POST /admin/keys</c>.</summary>
    public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes, string? PartnerId, string? MemberId);
}

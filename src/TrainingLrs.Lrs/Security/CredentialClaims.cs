using Microsoft.AspNetCore.Http;
using TrainingLrs.Lrs.Credentials;

namespace TrainingLrs.Lrs.Security;

/// <summary>How the authenticated credential travels with a request.</summary>
public static class CredentialClaims
{
    /// <summary>Claim type carrying one granted scope.</summary>
    public const string Scope = "scope";

    private static readonly object _itemKey = new();

    /// <summary>Attaches the authenticated credential to the request.</summary>
    public static void SetCredential(this HttpContext context, Credential credential) => context.Items[_itemKey] = credential;

    /// <summary>The authenticated credential, or null for an anonymous request.</summary>
    public static Credential? GetCredential(this HttpContext context) =>
        context.Items.TryGetValue(_itemKey, out var value) ? value as Credential : null;
}

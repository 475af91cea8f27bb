namespace TrainingLrs.Lrs.Credentials;

/// <summary>
/// A key/secret credential as the rest of the system sees it. The secret itself is never kept: only
/// its hash, inside the store.
/// </summary>
/// <param name="Key">The public half, sent as the Basic auth user name.</param>
/// <param name="Name">What the credential is for, for people reading <c>keys list</c>.</param>
/// <param name="Scopes">Granted scopes (see <see cref="Credentials.Scopes"/>).</param>
/// <param name="PartnerId">Partner this credential writes for (lesson keys), if bound to one.</param>
/// <param name="MemberId">Member this credential reports for (reporting keys), if bound to one.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; a revoked credential never authenticates.</param>
public sealed record Credential(
    string Key,
    string Name,
    IReadOnlyList<string> Scopes,
    string? PartnerId,
    string? MemberId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the credential may still be used.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Whether the credential holds <paramref name="scope"/> (or <c>all</c> for an xAPI scope).</summary>
    public bool HasScope(string scope) =>
        Scopes.Contains(scope, StringComparer.Ordinal)
        || (scope is not (Credentials.Scopes.Admin or Credentials.Scopes.Reports) && Scopes.Contains(Credentials.Scopes.All, StringComparer.Ordinal));
}

/// <summary>What to create: the store generates the key and secret.</summary>
/// <param name="Name">What the credential is for.</param>
/// <param name="Scopes">Granted scopes, already validated by <see cref="Credentials.Scopes.Parse"/>.</param>
/// <param name="PartnerId">Bind to this partner (lesson keys).</param>
/// <param name="MemberId">Bind to this member (reporting keys).</param>
public sealed record CredentialRequest(string Name, IReadOnlyList<string> Scopes, string? PartnerId = null, string? MemberId = null);

/// <summary>A freshly created credential with its secret, which is shown once and never again.</summary>
/// <param name="Credential">The stored credential.</param>
/// <param name="Secret">The secret in clear; only its hash was stored.</param>
public sealed record IssuedCredential(Credential Credential, string Secret);

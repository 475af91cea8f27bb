using TrainingLrs.Lrs.Credentials;

namespace TrainingLrs.Admin;

/// <summary>A new credential as printed by <c>keys create</c> and returned by <c>POST /admin/keys</c>.</summary>
public sealed record IssuedKey(string Key, string Secret);

/// <summary>A credential as listed: never the secret.</summary>
public sealed record KeySummary(string Key, string Name, IReadOnlyList<string> Scopes, string? PartnerId, string? MemberId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Maps a stored credential.</summary>
    public static KeySummary From(Credential c) => new(c.Key, c.Name, c.Scopes, c.PartnerId, c.MemberId, c.CreatedAt, c.RevokedAt);
}

/// <summary>The rules a new key must meet, shared by the CLI verb and the HTTP endpoint.</summary>
public static class KeyRequestValidation
{
    /// <summary>Returns a one-line problem, or null with the parsed scopes.</summary>
    public static string? Validate(string? name, string? scopes, string? partnerId, string? memberId, out IReadOnlyList<string> parsedScopes)
    {
        parsedScopes = [];
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name: a credential needs a name";
        }
        if (!string.IsNullOrWhiteSpace(partnerId) && !string.IsNullOrWhiteSpace(memberId))
        {
            return "a credential is bound to a partner or to a member, not both";
        }

        var (parsed, error) = Scopes.Parse(scopes);
        if (error is not null)
        {
            return "scope: " + error;
        }

        parsedScopes = parsed;
        return null;
    }
}

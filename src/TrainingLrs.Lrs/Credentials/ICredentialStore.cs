namespace TrainingLrs.Lrs.Credentials;

/// <summary>Where credentials live. Secrets are stored hashed and compared in constant time.</summary>
public interface ICredentialStore
{
    /// <summary>Creates a credential with a fresh random key and secret.</summary>
    /// <exception cref="ArgumentException">The request is invalid (empty name, no scope, both bindings).</exception>
    IssuedCredential Create(CredentialRequest request);

    /// <summary>All credentials, revoked ones included, oldest first.</summary>
    IReadOnlyList<Credential> List();

    /// <summary>Finds a credential by key, revoked or not.</summary>
    Credential? Find(string key);

    /// <summary>Revokes a credential. Returns false when no credential has that key.</summary>
    bool Revoke(string key);

    /// <summary>Returns the active credential whose key and secret match, or null.</summary>
    Credential? Authenticate(string key, string secret);

    /// <summary>Whether any credential has ever been created (used to create the first admin once).</summary>
    bool Any();
}

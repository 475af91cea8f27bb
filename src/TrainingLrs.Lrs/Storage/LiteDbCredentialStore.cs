using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using TrainingLrs.Lrs.Credentials;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// Credentials in the <c>credentials</c> collection. Secrets are 256 random bits, so a salted SHA-256
/// is enough to make the stored hash useless to a thief (no dictionary to try) while keeping the check
/// cheap enough for every request; a slow KDF would only protect low-entropy passwords, which we never
/// accept.
/// </summary>
public sealed class LiteDbCredentialStore : ICredentialStore
{
    private const string CollectionName = "credentials";

    private readonly ILiteCollection<CredentialDocument> _collection;
    // Authentication runs on every request; this process owns the file, so a cache cannot go stale
    // except through Revoke, which evicts.
    private readonly ConcurrentDictionary<string, CredentialDocument> _cache = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    static LiteDbCredentialStore() => LrsDatabase.PrepareMapping<CredentialDocument>();

    /// <summary>Uses the credentials collection of <paramref name="database"/>.</summary>
    public LiteDbCredentialStore(LrsDatabase database, TimeProvider? clock = null)
    {
        _collection = database.Database.GetCollection<CredentialDocument>(CollectionName);
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public IssuedCredential Create(CredentialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("a credential needs a name", nameof(request));
        }
        if (request.Scopes.Count == 0)
        {
            throw new ArgumentException("a credential needs at least one scope", nameof(request));
        }
        if (request.PartnerId is not null && request.MemberId is not null)
        {
            throw new ArgumentException("a credential is bound to a partner or to a member, not both", nameof(request));
        }

        var key = RandomToken(15);
        var secret = RandomToken(32);
        var salt = RandomNumberGenerator.GetBytes(16);
        var document = new CredentialDocument
        {
            Id = key,
            Name = request.Name.Trim(),
            Scopes = [.. request.Scopes],
            PartnerId = NullIfBlank(request.PartnerId),
            MemberId = NullIfBlank(request.MemberId),
            Salt = salt,
            SecretHash = Hash(salt, secret),
            CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        _collection.Insert(document);
        return new IssuedCredential(ToCredential(document), secret);
    }

    /// <inheritdoc />
    public IReadOnlyList<Credential> List() =>
        _collection.FindAll().OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Select(ToCredential).ToArray();

    /// <inheritdoc />
    public Credential? Find(string key)
    {
        var document = Load(key);
        return document is null ? null : ToCredential(document);
    }

    /// <inheritdoc />
    public bool Revoke(string key)
    {
        var document = _collection.FindById(key);
        if (document is null)
        {
            return false;
        }

        document.RevokedAt ??= _clock.GetUtcNow().UtcDateTime;
        _collection.Update(document);
        _cache.TryRemove(key, out _);
        return true;
    }

    /// <inheritdoc />
    public Credential? Authenticate(string key, string secret)
    {
        var document = Load(key);
        if (document is null || document.RevokedAt is not null)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(document.Salt, secret), document.SecretHash)
            ? ToCredential(document)
            : null;
    }

    /// <inheritdoc />
    public bool Any() => _collection.Count() > 0;

    private CredentialDocument? Load(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var document = _collection.FindById(key);
        if (document is not null)
        {
            _cache[key] = document;
        }
        return document;
    }

    private static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Credential ToCredential(CredentialDocument d) => new(
        d.Id,
        d.Name,
        d.Scopes,
        d.PartnerId,
        d.MemberId,
        new DateTimeOffset(DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc)),
        d.RevokedAt is { } revoked ? new DateTimeOffset(DateTime.SpecifyKind(revoked, DateTimeKind.Utc)) : null);

    /// <summary>The stored shape; LiteDB maps it, nothing outside this store sees it.</summary>
    internal sealed class CredentialDocument
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public List<string> Scopes { get; set; } = [];
        public string? PartnerId { get; set; }
        public string? MemberId { get; set; }
        public byte[] Salt { get; set; } = [];
        public byte[] SecretHash { get; set; } = [];
        public DateTime CreatedAt { get; set; }
        public DateTime? RevokedAt { get; set; }
    }
}

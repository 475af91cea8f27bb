using System.Security.Cryptography;
using System.Text;
using LiteDB;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Reporting.Certificates;

/// <summary>
/// Verification codes of completion certificates: an HMAC of learner and module under a secret kept in
/// the database, so a code cannot be guessed or forged, and a rebuild of the completion rows gives every
/// learner the same code again.
/// </summary>
public sealed class CertificateCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud and typed
    private readonly byte[] _secret;

    /// <summary>Codes under <paramref name="secret"/> (at least 32 bytes).</summary>
    public CertificateCodes(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < 32)
        {
            throw new ArgumentException("the certificate secret must be at least 32 bytes", nameof(secret));
        }
        _secret = secret;
    }

    /// <summary>Codes under the database's own secret, created on first use.</summary>
    public static CertificateCodes For(LrsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = database.Database.GetCollection("settings");
        const string id = "certificate-secret";
        var existing = settings.FindById(id);
        if (existing is null)
        {
            existing = new BsonDocument { ["_id"] = id, ["value"] = RandomNumberGenerator.GetBytes(32) };
            settings.Insert(existing);
        }
        return new CertificateCodes(existing["value"].AsBinary);
    }

    /// <summary>The code of <paramref name="learnerId"/>'s certificate for <paramref name="moduleId"/>, as XXXX-XXXX-XXXX-XXXX.</summary>
    public string For(string learnerId, string moduleId)
    {
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(learnerId + "|" + moduleId));
        // 16 characters of 5 bits each: the first 80 bits of the MAC.
        UInt128 value = 0;
        for (var i = 0; i < 10; i++)
        {
            value = (value << 8) | mac[i];
        }
        var letters = new char[16];
        for (var i = 15; i >= 0; i--, value >>= 5)
        {
            letters[i] = Alphabet[(int)(value & 31)];
        }
        var code = new StringBuilder(19);
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }
            code.Append(letters[i]);
        }
        return code.ToString();
    }

    /// <summary>A code as a person may type it (lower case, spaces, no dashes) in canonical form, or null if it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        var letters = new string((text ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (letters.Length != 16 || letters.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }
        return string.Join('-', letters.Chunk(4).Select(c => new string(c)));
    }
}

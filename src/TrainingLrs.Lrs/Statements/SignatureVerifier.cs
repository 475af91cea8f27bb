using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Statements;

/// <summary>
/// Checks signed statements: the signature attachment must be a JWS (compact serialization) with an
/// RS256/384/512 algorithm whose payload is the statement as sent, and whose signature verifies against
/// the certificate in <c>x5c</c> when one is given.
/// </summary>
internal static class SignatureVerifier
{
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    public static void Verify(JsonObject statement, string path, IReadOnlyDictionary<string, AttachmentPayload> parts)
    {
        foreach (var attachment in (statement["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (attachment["usageType"]?.GetValue<string>() != SignatureUsage)
            {
                continue;
            }
            if (attachment["contentType"]?.GetValue<string>() != "application/octet-stream")
            {
                throw Fail(path, "a signature attachment must have contentType application/octet-stream");
            }
            var hash = attachment["sha2"]!.GetValue<string>().ToLowerInvariant();
            if (!parts.TryGetValue(hash, out var part))
            {
                throw Fail(path, "the signature attachment's content is missing");
            }
            VerifyJws(statement, path, Encoding.ASCII.GetString(part.Content).Trim());
        }
    }

    private static void VerifyJws(JsonObject statement, string path, string jws)
    {
        var segments = jws.Split('.');
        if (segments.Length != 3)
        {
            throw Fail(path, "the signature is not a JWS in compact serialization");
        }

        JsonObject header;
        JsonNode payload;
        byte[] signature;
        try
        {
            header = HttpParse(segments[0]) as JsonObject ?? throw Fail(path, "the JWS header is not a JSON object");
            payload = HttpParse(segments[1]);
            signature = WebEncoders.Base64UrlDecode(segments[2]);
        }
        catch (FormatException)
        {
            throw Fail(path, "the signature is not valid base64url");
        }

        var name = header["alg"]?.GetValue<string>() switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            var other => throw Fail(path, $"the JWS algorithm '{other}' is not RS256, RS384 or RS512"),
        };

        if (!JsonNode.DeepEquals(Comparable(payload as JsonObject ?? throw Fail(path, "the JWS payload is not a statement")), Comparable(statement)))
        {
            throw Fail(path, "the JWS payload does not match the statement");
        }

        if (header["x5c"] is JsonArray { Count: > 0 } chain && chain[0]?.GetValue<string>() is { } certificate)
        {
            try
            {
                using var x509 = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
                using var rsa = x509.GetRSAPublicKey() ?? throw Fail(path, "the x5c certificate has no RSA key");
                var signed = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
                if (!rsa.VerifyData(signed, signature, name, RSASignaturePadding.Pkcs1))
                {
                    throw Fail(path, "the JWS signature does not verify against the x5c certificate");
                }
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                throw Fail(path, $"the x5c certificate cannot be used: {e.Message}");
            }
        }
    }

    private static JsonNode HttpParse(string segment) =>
        XapiRequest.ParseJson(WebEncoders.Base64UrlDecode(segment), "the JWS");

    // What the signer could not have known (LRS-set properties) and the signature itself are left out.
    private static JsonObject Comparable(JsonObject statement)
    {
        var copy = (JsonObject)statement.DeepClone();
        foreach (var key in new[] { "attachments", "authority", "stored", "version", "id" })
        {
            copy.Remove(key);
        }
        StatementComparison.TruncateDurations(copy);
        return copy;
    }

    private static XapiException Fail(string path, string rule) => XapiException.BadRequest($"{path}.attachments: {rule}");
}

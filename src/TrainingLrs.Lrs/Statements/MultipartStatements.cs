using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Statements;

/// <summary>Reading and writing <c>multipart/mixed</c> statement bodies with attachments.</summary>
internal static class MultipartStatements
{
    public const string HashHeader = "X-Experience-API-Hash";

    private const string TransferEncodingHeader = "Content-Transfer-Encoding";

    /// <summary>Splits a multipart request into the statement JSON (first part) and the attachment parts by hash.</summary>
    public static async Task<(byte[] Json, Dictionary<string, AttachmentPayload> Parts)> ReadAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw XapiException.BadRequest("Content-Type multipart/mixed needs a boundary parameter");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null, HeadersCountLimit = 32 };
        byte[]? json = null;
        var parts = new Dictionary<string, AttachmentPayload>(StringComparer.Ordinal);
        MultipartSection? section;
        try
        {
            while ((section = await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted)) is not null)
            {
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
                var content = buffer.ToArray();
                var contentType = section.ContentType ?? "";
                if (json is null)
                {
                    if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                    {
                        throw XapiException.BadRequest("the first part of a multipart/mixed statement request must be application/json");
                    }
                    json = content;
                    continue;
                }

                // xAPI allows only raw bytes after the statement part; a part that declares no encoding or
                // another one (base64, quoted-printable) is a malformed request, not data to guess at.
                var transferEncoding = section.Headers?.TryGetValue(TransferEncodingHeader, out var te) == true ? te.ToString().Trim() : "";
                if (!transferEncoding.Equals("binary", StringComparison.OrdinalIgnoreCase))
                {
                    throw XapiException.BadRequest($"every attachment part needs a {TransferEncodingHeader}: binary header");
                }

                var hash = section.Headers?.TryGetValue(HashHeader, out var h) == true ? h.ToString().Trim().ToLowerInvariant() : "";
                if (hash.Length == 0)
                {
                    throw XapiException.BadRequest($"every attachment part needs an {HashHeader} header");
                }
                if (!HashMatches(hash, content))
                {
                    throw XapiException.BadRequest($"attachment part '{hash}': its content does not match its SHA-2 hash");
                }
                parts[hash] = new AttachmentPayload(hash, contentType.Length > 0 ? contentType : "application/octet-stream", content);
            }
        }
        catch (IOException e)
        {
            throw XapiException.BadRequest($"malformed multipart/mixed body: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw XapiException.BadRequest($"malformed multipart/mixed body: {e.Message}");
        }

        return (json ?? throw XapiException.BadRequest("the multipart/mixed body has no statement part"), parts);
    }

    public static bool HashMatches(string hash, byte[] content) => hash.Length switch
    {
        56 => Convert.ToHexStringLower(Sha224.HashData(content)) == hash,
        64 => Convert.ToHexStringLower(SHA256.HashData(content)) == hash,
        96 => Convert.ToHexStringLower(SHA384.HashData(content)) == hash,
        128 => Convert.ToHexStringLower(SHA512.HashData(content)) == hash,
        _ => false,
    };

    /// <summary>Writes a statement result followed by the attachments it references.</summary>
    public static async Task WriteAsync(HttpResponse response, string json, IEnumerable<AttachmentPayload> attachments)
    {
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        response.ContentType = $"multipart/mixed; boundary={boundary}";
        using var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));

        Text($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json}\r\n");
        foreach (var attachment in attachments)
        {
            Text($"--{boundary}\r\nContent-Type: {attachment.ContentType}\r\nContent-Transfer-Encoding: binary\r\n{HashHeader}: {attachment.Sha2}\r\n\r\n");
            body.Write(attachment.Content);
            Text("\r\n");
        }
        Text($"--{boundary}--\r\n");
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TrainingLrs.Lrs.Tests;

/// <summary>multipart/mixed statements, hashes, signed statements and attachments=true.</summary>
public sealed class AttachmentsTests : IAsyncLifetime
{
    private LrsServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LrsServer.StartAsync();
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static (JsonObject Statement, byte[] Content, string Hash) WithAttachment(string text = "certificate of completion", string usage = "http://example.com/usage/certificate", string type = "text/plain")
    {
        var content = Encoding.UTF8.GetBytes(text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var statement = Xapi.Statement();
        statement["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = usage,
            ["display"] = new JsonObject { ["en-US"] = "Certificate" },
            ["contentType"] = type,
            ["length"] = content.Length,
            ["sha2"] = hash,
        });
        return (statement, content, hash);
    }

    internal static MultipartContent Multipart(JsonNode statement, params (byte[] Content, string Hash, string Type)[] parts)
    {
        var multipart = new MultipartContent("mixed");
        multipart.Add(Xapi.Json(statement));
        foreach (var (content, hash, type) in parts)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            part.Headers.Add("X-Experience-API-Hash", hash);
            part.Headers.Add("Content-Transfer-Encoding", "binary");
            multipart.Add(part);
        }
        return multipart;
    }

    [Fact]
    public async Task Multipart_statement_is_stored_and_returned_with_attachments_true()
    {
        var (statement, content, hash) = WithAttachment();
        var post = await _client.PostAsync("/xapi/statements", Multipart(statement, (content, hash, "text/plain")));
        Assert.True(post.StatusCode == HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        var id = (await post.ReadJsonAsync())[0]!.GetValue<string>();

        var get = await _client.GetAsync($"/xapi/statements?statementId={id}&attachments=true");
        Assert.Equal("multipart/mixed", get.Content.Headers.ContentType!.MediaType);
        var boundary = get.Content.Headers.ContentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, await get.Content.ReadAsStreamAsync());
        var first = await reader.ReadNextSectionAsync();
        Assert.Equal(id, JsonNode.Parse(await new StreamReader(first!.Body).ReadToEndAsync())!["id"]!.GetValue<string>());
        var second = await reader.ReadNextSectionAsync();
        Assert.Equal(hash, second!.Headers!["X-Experience-API-Hash"].ToString());
        Assert.Equal("certificate of completion", await new StreamReader(second.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Multipart_attachment_with_a_sha224_hash_is_accepted()
    {
        // FIPS 180-4's two-block test message and its SHA-224.
        var (statement, content, _) = WithAttachment("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        const string sha224 = "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525";
        statement["attachments"]![0]!["sha2"] = sha224;
        var post = await _client.PostAsync("/xapi/statements", Multipart(statement, (content, sha224, "text/plain")));
        Assert.True(post.StatusCode == HttpStatusCode.OK, await post.Content.ReadAsStringAsync());

        var tampered = await _client.PostAsync("/xapi/statements", Multipart(statement, (Encoding.UTF8.GetBytes("tampered"), sha224, "text/plain")));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
    }

    [Fact]
    public async Task Attachment_declared_without_content_or_fileUrl_is_400()
    {
        var (statement, _, _) = WithAttachment();
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/xapi/statements", Xapi.Json(statement))).StatusCode);
    }

    [Fact]
    public async Task Part_whose_content_does_not_match_its_hash_is_400()
    {
        var (statement, _, hash) = WithAttachment();
        var response = await _client.PostAsync("/xapi/statements", Multipart(statement, (Encoding.UTF8.GetBytes("tampered"), hash, "text/plain")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Part_that_matches_no_attachment_is_400()
    {
        var (statement, content, hash) = WithAttachment();
        var extra = Encoding.UTF8.GetBytes("extra");
        var response = await _client.PostAsync("/xapi/statements",
            Multipart(statement, (content, hash, "text/plain"), (extra, Convert.ToHexStringLower(SHA256.HashData(extra)), "text/plain")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("base64")]
    [InlineData(null)]
    public async Task Attachment_part_without_binary_transfer_encoding_is_400_and_nothing_is_stored(string? transferEncoding)
    {
        var (statement, content, hash) = WithAttachment();
        var id = Guid.NewGuid().ToString();
        statement["id"] = id;
        var multipart = new MultipartContent("mixed") { Xapi.Json(statement) };
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        part.Headers.Add("X-Experience-API-Hash", hash);
        if (transferEncoding is not null)
        {
            part.Headers.Add("Content-Transfer-Encoding", transferEncoding);
        }
        multipart.Add(part);

        var post = await _client.PostAsync("/xapi/statements", multipart);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("Content-Transfer-Encoding", await post.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task Signed_statement_with_valid_rs256_signature_is_accepted_and_a_tampered_one_is_400()
    {
        using var signer = new Signer();
        var original = Xapi.Statement();
        Assert.Equal(HttpStatusCode.OK, await PostSigned(signer, original, original));
        Assert.Equal(HttpStatusCode.BadRequest, await PostSigned(signer, original, Xapi.Statement("someone-else@example.com")));
    }

    // xAPI 2.0 (4.2.7): precision beyond 0.01 s is not part of comparing durations; the 2.0 suite signs
    // 0.12S and sends 0.1237S.
    [Fact]
    public async Task Signed_statement_whose_duration_differs_only_beyond_hundredths_is_accepted()
    {
        using var signer = new Signer();
        var signed = Xapi.Statement();
        signed["result"] = new JsonObject { ["duration"] = "P1DT12H36M0.12S" };
        var sent = (JsonObject)signed.DeepClone();
        sent["result"]!["duration"] = "P1DT12H36M0.1237S";
        Assert.Equal(HttpStatusCode.OK, await PostSigned(signer, sent, signed));

        sent["result"]!["duration"] = "P1DT12H36M0.13S";
        Assert.Equal(HttpStatusCode.BadRequest, await PostSigned(signer, sent, signed));
    }

    private async Task<HttpStatusCode> PostSigned(Signer signer, JsonObject statementSent, JsonObject payloadSigned)
    {
        var jws = Encoding.ASCII.GetBytes(signer.Jws(payloadSigned));
        var hash = Convert.ToHexStringLower(SHA256.HashData(jws));
        var statement = (JsonObject)statementSent.DeepClone();
        statement["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = "http://adlnet.gov/expapi/attachments/signature",
            ["display"] = new JsonObject { ["en-US"] = "Signature" },
            ["contentType"] = "application/octet-stream",
            ["length"] = jws.Length,
            ["sha2"] = hash,
        });
        return (await _client.PostAsync("/xapi/statements", Multipart(statement, (jws, hash, "application/octet-stream")))).StatusCode;
    }

    private sealed class Signer : IDisposable
    {
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly X509Certificate2 _certificate;

        public Signer()
        {
            var request = new CertificateRequest("CN=signer", _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        public string Jws(JsonObject payload)
        {
            var header = new JsonObject { ["alg"] = "RS256", ["x5c"] = new JsonArray(Convert.ToBase64String(_certificate.RawData)) };
            var signingInput = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
            return signingInput + "." + WebEncoders.Base64UrlEncode(_rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        public void Dispose()
        {
            _certificate.Dispose();
            _rsa.Dispose();
        }
    }
}

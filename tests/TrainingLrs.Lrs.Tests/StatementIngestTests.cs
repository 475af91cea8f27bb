using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Tests;

/// <summary>The in-server ingest refuses what the HTTP API refuses, with a message and nothing stored.</summary>
public sealed class StatementIngestTests : IAsyncLifetime
{
    private static readonly Credential Author = new("import", "attendance import", [Scopes.StatementsWrite], "acme", null, DateTimeOffset.UtcNow, null);
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<int> StoredCountAsync() =>
        (await (await _server.Client().GetAsync("/xapi/statements")).ReadJsonAsync())["statements"]!.AsArray().Count;

    [Fact]
    public async Task An_attachment_whose_content_is_not_linked_is_refused_and_nothing_is_stored()
    {
        var statement = Xapi.Statement();
        statement["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = "http://example.com/usage/certificate",
            ["display"] = new JsonObject { ["en-US"] = "Certificate" },
            ["contentType"] = "text/plain",
            ["length"] = 4,
            ["sha2"] = new string('a', 64),
        });

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            StatementIngest.From(_server.Services).StoreAsync([Xapi.Statement().ToJsonString(), statement.ToJsonString()], Author));

        Assert.Contains("statement 2: an attachment without fileUrl", error.Message);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task The_same_id_twice_in_one_call_is_refused_and_nothing_is_stored()
    {
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            StatementIngest.From(_server.Services).StoreAsync([Xapi.Statement(id: id).ToJsonString(), Xapi.Statement("other@example.com", id: id).ToJsonString()], Author));

        Assert.Contains($"id '{id}' appears twice", error.Message);
        Assert.Equal(0, await StoredCountAsync());
    }
}

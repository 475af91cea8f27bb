using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>What erasure and purge delete beyond the statements themselves, and purges larger than one slice.</summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LiteDbStatementStore Store => _server.Services.GetRequiredService<LiteDbStatementStore>();

    private async Task PostWithAttachmentAsync(string learner, string text)
    {
        var (statement, content, hash) = AttachmentsTests.WithAttachment(text);
        statement["actor"] = new JsonObject { ["mbox"] = $"mailto:{learner}" };
        var response = await _server.Client().PostAsync("/xapi/statements", AttachmentsTests.Multipart(statement, (content, hash, "text/plain")));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> EraseAsync(string learner) =>
        await (await _server.Client(scopes: Scopes.Admin).PostAsync("/admin/privacy/erase", Xapi.Json(new JsonObject { ["agent"] = new JsonObject { ["mbox"] = $"mailto:{learner}" } }))).ReadJsonAsync();

    [Fact]
    public async Task Erasure_deletes_attachment_content_only_when_no_remaining_statement_carries_it()
    {
        await PostWithAttachmentAsync("ana@example.com", "ana's certificate");
        await PostWithAttachmentAsync("ana@example.com", "shared handout");
        await PostWithAttachmentAsync("kim@example.com", "shared handout");
        var own = AttachmentsTests.WithAttachment("ana's certificate").Hash;
        var shared = AttachmentsTests.WithAttachment("shared handout").Hash;

        var erased = await EraseAsync("ana@example.com");

        Assert.Equal(2, erased["statements"]!.GetValue<int>());
        Assert.Equal(1, erased["attachments"]!.GetValue<int>());
        Assert.Null(Store.FindAttachment(own));
        Assert.NotNull(Store.FindAttachment(shared));

        await EraseAsync("kim@example.com");
        Assert.Null(Store.FindAttachment(shared));
    }

    [Fact]
    public async Task Purge_larger_than_one_slice_deletes_everything_before_the_date_and_reports_the_total()
    {
        var client = _server.Client();
        for (var batch = 0; batch < 5; batch++)
        {
            await client.PostStatementsAsync(Enumerable.Range(0, 500).Select(_ => Xapi.Statement()).ToArray());
        }
        var cutoff = DateTimeOffset.UtcNow.AddMilliseconds(5);
        await Task.Delay(20);
        var kept = (await client.PostStatementsAsync(Xapi.Statement()))[0];
        var admin = _server.Client(scopes: Scopes.Admin);
        var body = $$"""{"before":"{{cutoff:o}}"}""";

        var dry = await (await admin.PostAsync("/admin/privacy/purge", Xapi.Json(body.Replace("}", ",\"dryRun\":true}")))).ReadJsonAsync();
        var purged = await (await admin.PostAsync("/admin/privacy/purge", Xapi.Json(body))).ReadJsonAsync();

        Assert.Equal(2_500, dry["statements"]!.GetValue<int>());
        Assert.Equal(2_500, purged["statements"]!.GetValue<int>());
        var remaining = (await (await client.GetAsync("/xapi/statements?limit=0")).ReadJsonAsync())["statements"]!.AsArray();
        Assert.Equal([kept], remaining.Select(s => s!["id"]!.GetValue<string>()));
    }
}

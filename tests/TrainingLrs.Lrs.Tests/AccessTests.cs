using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Partner binding, statements/read/mine, privacy erasure and purge, the write observer.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<string[]> Ids(HttpClient client) =>
        (await (await client.GetAsync("/xapi/statements")).ReadJsonAsync())["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Partner_bound_credential_reads_only_its_partners_statements()
    {
        var acme = _server.Client(partnerId: "acme");
        var globex = _server.Client(partnerId: "globex");
        var acmeId = (await acme.PostStatementsAsync(Xapi.Statement()))[0];
        var globexId = (await globex.PostStatementsAsync(Xapi.Statement()))[0];

        Assert.Equal([acmeId], await Ids(acme));
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/xapi/statements?statementId={globexId}")).StatusCode);
        Assert.Equal(2, (await Ids(_server.Client())).Length);
    }

    [Fact]
    public async Task Read_mine_credential_sees_only_what_it_wrote()
    {
        var mine = _server.Client(scopes: [Scopes.StatementsWrite, Scopes.StatementsReadMine]);
        var myId = (await mine.PostStatementsAsync(Xapi.Statement()))[0];
        await _server.Client().PostStatementsAsync(Xapi.Statement());
        Assert.Equal([myId], await Ids(mine));
    }

    [Fact]
    public async Task Privacy_erase_dry_run_counts_then_erase_removes_statements_and_documents()
    {
        var client = _server.Client();
        await client.PostStatementsAsync(Xapi.Statement("gone@example.com"), Xapi.Statement("gone@example.com"), Xapi.Statement("kept@example.com"));
        await client.PutAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(Xapi.Activity)}&agent={Xapi.AgentParameter("gone@example.com")}&stateId=s", Xapi.Json("{}"));
        var admin = _server.Client(scopes: Scopes.Admin);
        var body = new JsonObject { ["agent"] = new JsonObject { ["mbox"] = "mailto:gone@example.com" }, ["dryRun"] = true };

        var dry = await (await admin.PostAsync("/admin/privacy/erase", Xapi.Json(body))).ReadJsonAsync();
        Assert.Equal(2, dry["statements"]!.GetValue<int>());
        Assert.Equal(1, dry["documents"]!.GetValue<int>());
        Assert.Equal(3, (await Ids(client)).Length);

        body["dryRun"] = false;
        var erased = await admin.PostAsync("/admin/privacy/erase", Xapi.Json(body));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Single(await Ids(client));
    }

    [Fact]
    public async Task Privacy_endpoints_require_the_admin_scope()
    {
        var response = await _server.Client().PostAsync("/admin/privacy/purge", Xapi.Json("""{"before":"2030-01-01T00:00:00Z"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Purge_removes_statements_stored_before_the_date()
    {
        var client = _server.Client();
        await client.PostStatementsAsync(Xapi.Statement(), Xapi.Statement());
        var admin = _server.Client(scopes: Scopes.Admin);
        var result = await (await admin.PostAsync("/admin/privacy/purge", Xapi.Json($$"""{"before":"{{DateTimeOffset.UtcNow.AddMinutes(1):o}}"}"""))).ReadJsonAsync();
        Assert.Equal(2, result["statements"]!.GetValue<int>());
        Assert.Empty(await Ids(client));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Cli;

public sealed class KeysVerbTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Keys_create_prints_a_key_and_secret_that_authenticate_against_the_server()
    {
        var created = await Support.Cli.RunAsync("keys", "create", "--name", "ops", "--scope", "admin", "--data", _data.Path);

        Assert.Equal(0, created.ExitCode);
        using var json = JsonDocument.Parse(created.Output);
        var key = json.RootElement.GetProperty("key").GetString()!;
        var secret = json.RootElement.GetProperty("secret").GetString()!;

        await using var server = await RunningCli.ServeAsync("--data", _data.Path);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = Basic(key, secret);
        var response = await http.GetAsync("/admin/keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Keys_create_with_an_unknown_scope_fails_with_one_line_naming_it()
    {
        var result = await Support.Cli.RunAsync("keys", "create", "--name", "x", "--scope", "statements/write,everything", "--data", _data.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("unknown scope 'everything'", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Keys_create_bound_to_both_a_partner_and_a_member_is_refused()
    {
        var result = await Support.Cli.RunAsync("keys", "create", "--name", "x", "--scope", "state", "--partner", "p1", "--member", "m1", "--data", _data.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("partner or to a member, not both", result.Error);
    }

    [Fact]
    public async Task Keys_list_shows_bindings_and_scopes_but_never_the_secret()
    {
        var created = await Support.Cli.RunAsync("keys", "create", "--name", "lesson key", "--scope", "statements/write,state", "--partner", "acme-copack", "--data", _data.Path);
        var secret = JsonDocument.Parse(created.Output).RootElement.GetProperty("secret").GetString()!;

        var listed = await Support.Cli.RunAsync("keys", "list", "--data", _data.Path);

        Assert.Equal(0, listed.ExitCode);
        var line = Assert.Single(listed.Output.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("acme-copack", json.RootElement.GetProperty("partnerId").GetString());
        Assert.Equal(["statements/write", "state"], json.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(secret, listed.Output);
    }

    [Fact]
    public async Task Keys_revoke_stops_the_key_from_authenticating()
    {
        var created = await Support.Cli.RunAsync("keys", "create", "--name", "ops", "--scope", "admin", "--data", _data.Path);
        using var json = JsonDocument.Parse(created.Output);
        var key = json.RootElement.GetProperty("key").GetString()!;
        var secret = json.RootElement.GetProperty("secret").GetString()!;

        var revoked = await Support.Cli.RunAsync("keys", "revoke", key, "--data", _data.Path);
        Assert.Equal(0, revoked.ExitCode);

        await using var server = await RunningCli.ServeAsync("--data", _data.Path);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = Basic(key, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/admin/keys")).StatusCode);
    }

    [Fact]
    public async Task Keys_revoke_of_an_unknown_key_fails()
    {
        var result = await Support.Cli.RunAsync("keys", "revoke", "no-such-key", "--data", _data.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no credential has key 'no-such-key'", result.Error);
    }

    [Fact]
    public async Task Keys_verbs_refuse_a_database_a_running_server_holds()
    {
        await using var server = await RunningCli.ServeAsync("--data", _data.Path);

        var result = await Support.Cli.RunAsync("keys", "list", "--data", _data.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("in use by another process", result.Error);
    }

    internal static AuthenticationHeaderValue Basic(string key, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
}

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Cli;

public sealed partial class ServeVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_on_an_empty_data_folder_prints_an_admin_credential_once_and_health_is_200()
    {
        var data = _temp.Combine("data");

        await using (var first = await RunningCli.ServeAsync("--data", data))
        {
            Assert.Matches(AdminKeyLine(), first.Output);
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("healthy", (await health.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["status"]);
            Assert.Equal(0, await first.StopAsync());
        }

        Assert.True(File.Exists(Path.Combine(data, "traininglrs.db")));
        await using var second = await RunningCli.ServeAsync("--data", data);
        Assert.DoesNotMatch(AdminKeyLine(), second.Output);
    }

    [Fact]
    public async Task The_printed_admin_credential_can_create_keys_over_http()
    {
        await using var server = await RunningCli.ServeAsync("--data", _temp.Combine("data"));
        var match = AdminKeyLine().Match(server.Output);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = KeysVerbTests.Basic(match.Groups[1].Value, match.Groups[2].Value);

        var created = await http.PostAsJsonAsync("/admin/keys", new { name = "reporting", scopes = new[] { "all/read" }, memberId = "m1" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.False(string.IsNullOrEmpty(body!["secret"]));
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:5000/some/path")]
    public async Task Serve_with_a_bad_urls_value_exits_2_with_one_line_naming_the_setting(string urls)
    {
        var result = await Support.Cli.RunAsync("serve", "--urls", urls, "--data", _temp.Combine("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("Server:Urls", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("data")), "a refused start must not create the data folder");
    }

    [Fact]
    public async Task Serve_with_a_data_path_that_is_a_file_exits_non_zero_with_one_line()
    {
        var file = _temp.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var result = await Support.Cli.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"traininglrs: error: data folder '{file}' is a file, not a folder", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Serve_on_an_address_already_in_use_exits_non_zero_with_one_line()
    {
        await using var first = await RunningCli.ServeAsync("--data", _temp.Combine("a"));

        var result = await Support.Cli.RunAsync("serve", "--urls", first.BaseAddress.ToString(), "--data", _temp.Combine("b"),
            "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot listen on", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        foreach (var verb in new[] { new[] { "serve" }, ["build"], ["keys"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"] })
        {
            var result = await Support.Cli.RunAsync([.. verb, "--help"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Output);
        }
    }

    [GeneratedRegex(@"key:\s+(\S+)\s+secret:\s+(\S+)")]
    private static partial Regex AdminKeyLine();
}

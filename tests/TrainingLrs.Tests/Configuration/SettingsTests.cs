using Microsoft.Extensions.Configuration;
using TrainingLrs.Configuration;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Configuration;

public sealed class SettingsTests
{
    private static TrainingLrsSettings Load(params (string Key, string Value)[] values) =>
        SettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build());

    [Fact]
    public void Defaults_are_valid_and_listen_on_loopback()
    {
        var settings = Load();

        Assert.Equal("http://127.0.0.1:5000", settings.Server.Urls);
        Assert.Equal("data", settings.Server.DataDirectory);
        Assert.Equal(10 * 1024 * 1024, settings.Lrs.MaxRequestBodyBytes);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_reported_with_its_setting_name()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Load(("Lrs:MaxRequestBodyBytes", "ten megabytes")));

        Assert.Contains("Lrs:MaxRequestBodyBytes", error.Message);
    }

    [Fact]
    public void A_number_out_of_range_is_reported_with_its_setting_name_and_range()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Load(("Lrs:MaxRequestBodyBytes", "12")));

        Assert.Equal("Lrs:MaxRequestBodyBytes: 12 is outside 1024..1073741824", Assert.Single(error.Problems));
    }

    [Fact]
    public void An_unknown_setting_is_an_error_rather_than_silently_ignored()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Load(("Server:Url", "http://127.0.0.1:1")));

        Assert.Contains("Url", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Load(
            ("Server:Urls", "nope"), ("Lrs:AllowedOrigins", "https://lms.example.com/path"), ("Lrs:RequestsPerMinutePerCredential", "-1")));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("Server:Urls:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Lrs:AllowedOrigins:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Lrs:RequestsPerMinutePerCredential:", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_urls_and_origins_are_separated_by_semicolons()
    {
        var settings = Load(("Server:Urls", "http://127.0.0.1:5000; http://localhost:5001"), ("Lrs:AllowedOrigins", "https://a.example.com;https://b.example.com"));

        Assert.Equal(2, SettingsValidator.SplitUrls(settings.Server.Urls).Count);
    }

    [Fact]
    public async Task An_environment_variable_configures_the_real_executable_and_a_bad_one_stops_it_with_its_name()
    {
        using var data = new TempFolder();

        var result = await ServerProcess.RunAsync(
            new Dictionary<string, string> { ["TRAININGLRS_Lrs__MaxRequestBodyBytes"] = "huge" },
            "serve", "--urls", "http://127.0.0.1:0", "--data", data.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Lrs:MaxRequestBodyBytes", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Command_line_options_win_over_environment_variables()
    {
        using var data = new TempFolder();

        var result = await ServerProcess.RunAsync(
            new Dictionary<string, string> { ["TRAININGLRS_Server__Urls"] = "not a url" },
            "keys", "list", "--data", data.Path);

        // keys ignores Urls, but validation still names it: the environment is read by every verb.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Server:Urls", result.Error);

        var fixedByOption = await ServerProcess.RunAsync(
            new Dictionary<string, string> { ["TRAININGLRS_Server__DataDirectory"] = "/dev/null/cannot-exist" },
            "keys", "list", "--data", data.Path);
        Assert.Equal(0, fixedByOption.ExitCode);
    }
}

using System.IO.Compression;
using System.Net;
using System.Text;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Cli;

public sealed class BuildAndPackageVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Build_of_the_repository_content_writes_lessons_and_every_package_format()
    {
        var result = await Support.Cli.RunAsync("build", "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 errors", result.Output);
        foreach (var format in new[] { "scorm12", "scorm2004", "cmi5" })
        {
            Assert.NotEmpty(Directory.GetFiles(_temp.Combine("dist", "packages", format), "*.zip"));
        }
        Assert.NotEmpty(Directory.GetFiles(_temp.Combine("dist", "web"), "index.html", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Build_with_an_error_reports_file_and_line_exits_1_and_keeps_the_previous_output()
    {
        var content = _temp.Combine("content");
        Repository.CopyContent(content);
        var dist = _temp.Combine("dist");
        Assert.Equal(0, (await Support.Cli.RunAsync("build", "--content", content, "--themes", Repository.Themes, "--out", dist)).ExitCode);
        var before = Directory.GetFiles(dist, "*", SearchOption.AllDirectories).Order().ToArray();
        var module = Directory.GetFiles(content, "en.md", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(module, "\n![](media/does-not-exist.png)\n");

        var result = await Support.Cli.RunAsync("build", "--content", content, "--themes", Repository.Themes, "--out", dist);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"en\.md:\d+:\d+: error: ", result.Error);
        Assert.Equal(before, Directory.GetFiles(dist, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Fact]
    public async Task Build_with_an_unknown_format_exits_2()
    {
        var result = await Support.Cli.RunAsync("build", "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"), "--format", "pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown format 'pdf'", result.Error);
    }

    [Fact]
    public async Task Package_for_a_partner_bakes_in_the_endpoint_and_a_write_only_key_bound_to_it()
    {
        var data = _temp.Combine("data");
        await File.WriteAllTextAsync(_temp.Combine("m.csv"), "id,name\nnorthwind,Northwind\n");
        await File.WriteAllTextAsync(_temp.Combine("p.csv"), "id,name,type,state,members\nlakeside,Lakeside,co-packer,OH,northwind\n");
        await Support.Cli.RunAsync("import", "members", _temp.Combine("m.csv"), "--data", data);
        await Support.Cli.RunAsync("import", "partners", _temp.Combine("p.csv"), "--data", data);

        var result = await Support.Cli.RunAsync("package", "--partner", "lakeside", "--endpoint", "https://lrs.example.org/xapi/",
            "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"), "--data", data);

        Assert.Equal(0, result.ExitCode);
        var zips = Directory.GetFiles(_temp.Combine("dist"), "*.zip", SearchOption.AllDirectories);
        Assert.Contains(zips, z => z.Contains("scorm12", StringComparison.Ordinal));
        Assert.Contains(zips, z => z.Contains("cmi5", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(zips[0]);
        var config = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("lrs-config.js", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("https://lrs.example.org/xapi/", config);

        using var database = LrsDatabase.Open(data);
        var key = Assert.Single(new LiteDbCredentialStore(database).List());
        Assert.Equal("lakeside", key.PartnerId);
        Assert.Equal([Scopes.StatementsWrite, Scopes.State], key.Scopes);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Key + ":")).TrimEnd('=')[..8], config);
    }

    [Fact]
    public async Task Package_for_an_unknown_partner_exits_2_and_creates_no_key()
    {
        var data = _temp.Combine("data");

        var result = await Support.Cli.RunAsync("package", "--partner", "ghost", "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"), "--data", data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown partner(s): ghost", result.Error);
        using var database = LrsDatabase.Open(data);
        Assert.Empty(new LiteDbCredentialStore(database).List());
    }

    [Fact]
    public async Task Serve_compiles_the_content_and_serves_the_lessons_and_packages()
    {
        await using var server = await RunningCli.ServeAsync("--data", _temp.Combine("data"), "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var index = await http.GetStringAsync("/lessons/");
        var lesson = await http.GetAsync("/lessons/why-this-matters/en/");
        var package = await http.GetAsync("/packages/scorm12/why-this-matters-en-scorm12.zip");

        Assert.Contains("/lessons/why-this-matters/es/", index);
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
        Assert.Contains("lesson-data", await lesson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        Assert.Equal("application/x-zip-compressed", package.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Serve_watch_injects_the_reload_script_and_pushes_a_recompile_with_its_errors()
    {
        var content = _temp.Combine("content");
        Repository.CopyContent(content);
        await using var server = await RunningCli.ServeAsync("--watch", "--data", _temp.Combine("data"), "--content", content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Contains("/lessons/_watch.js", await http.GetStringAsync("/lessons/why-this-matters/en/"));

        using var events = await http.GetStreamAsync("/lessons/_events");
        using var reader = new StreamReader(events);
        Assert.StartsWith(":", await reader.ReadLineAsync());
        await File.AppendAllTextAsync(Directory.GetFiles(content, "en.md", SearchOption.AllDirectories).First(), "\n![](media/missing.png)\n");

        string? line;
        do
        {
            line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("\"ok\":false", line);
        Assert.Contains("missing.png", line);
    }
}

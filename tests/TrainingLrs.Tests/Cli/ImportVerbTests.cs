using System.Net;
using System.Net.Http.Json;
using System.Text;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Cli;

public sealed class ImportVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Import_members_then_partners_reports_counts_and_is_idempotent()
    {
        var data = _temp.Combine("data");
        var members = Write("members.csv", "id,name\nnorthwind,Northwind Foods\n");
        var partners = Write("partners.csv", "id,name,type,state,members\nlakeside,Lakeside Co-Pack,co-packer,OH,northwind\n");

        Assert.Equal(0, (await Support.Cli.RunAsync("import", "members", members, "--data", data)).ExitCode);
        var first = await Support.Cli.RunAsync("import", "partners", partners, "--data", data);
        var second = await Support.Cli.RunAsync("import", "partners", partners, "--data", data);

        Assert.Equal("partners.csv: 1 added, 0 updated, 0 unchanged.", first.Output.Trim());
        Assert.Equal("partners.csv: 0 added, 0 updated, 1 unchanged.", second.Output.Trim());
    }

    [Fact]
    public async Task A_bad_partner_file_prints_each_problem_with_its_line_and_exits_1()
    {
        var partners = Write("partners.csv", "id,name,type,state,members\nok,OK,co-packer,OH,nobody\nbad,Bad,plant,OH,nobody\n");

        var result = await Support.Cli.RunAsync("import", "partners", partners, "--data", _temp.Combine("data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("partners.csv:2: members: member 'nobody' is not known", result.Error);
        Assert.Contains("partners.csv:3: type: 'plant' is not one of", result.Error);
        Assert.Contains("nothing was imported", result.Error);
    }

    [Fact]
    public async Task Import_of_a_missing_file_exits_2()
    {
        var result = await Support.Cli.RunAsync("import", "members", _temp.Combine("nope.csv"), "--data", _temp.Combine("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file", result.Error);
    }

    [Fact]
    public async Task The_admin_import_endpoint_applies_a_good_file_and_refuses_a_bad_one_whole()
    {
        await using var server = await TrainingLrsServer.StartAsync(new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _temp.Combine("data") } });
        using var http = new HttpClient { BaseAddress = server.Addresses[0] };
        http.DefaultRequestHeaders.Authorization = KeysVerbTests.Basic(server.FirstAdmin!.Credential.Key, server.FirstAdmin.Secret);

        var members = await http.PostAsync("/admin/import/members", new StringContent("id,name\nnorthwind,Northwind\n", Encoding.UTF8, "text/csv"));
        var bad = await http.PostAsync("/admin/import/partners", new StringContent("id,name,type,state,members\na,A,co-packer,OH,northwind\nb,B,co-packer,QQ,northwind\n", Encoding.UTF8, "text/csv"));
        var json = await http.PostAsync("/admin/import/partners", JsonContent.Create(new { id = "a" }));

        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("partners.csv:3: state:", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        var store = (Reporting.Organisations.IOrganisationStore)server.Services.GetService(typeof(Reporting.Organisations.IOrganisationStore))!;
        Assert.Empty(store.Partners());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Tests.Cli;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Integration;

/// <summary>The whole path a member relies on: a lesson's statement to our LRS, then the member's report.</summary>
public sealed class LrsToReportsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> ImportOrganisations()
    {
        var data = _temp.Combine("data");
        await File.WriteAllTextAsync(_temp.Combine("m.csv"), "id,name\nnorthwind,Northwind\ncontoso,Contoso\n");
        await File.WriteAllTextAsync(_temp.Combine("p.csv"), "id,name,type,state,members\nlakeside,Lakeside,co-packer,OH,northwind\nharbor,Harbor,service-provider,IA,contoso\n");
        Assert.Equal(0, (await Support.Cli.RunAsync("import", "members", _temp.Combine("m.csv"), "--data", data)).ExitCode);
        Assert.Equal(0, (await Support.Cli.RunAsync("import", "partners", _temp.Combine("p.csv"), "--data", data)).ExitCode);
        return data;
    }

    private static IssuedCredential Key(string data, CredentialRequest request)
    {
        using var database = LrsDatabase.Open(data);
        return new LiteDbCredentialStore(database).Create(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, IssuedCredential key, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key.Credential.Key}:{key.Secret}")));
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        return request;
    }

    [Fact]
    public async Task A_statement_sent_with_a_partner_lesson_key_counts_in_that_partners_members_report_at_once()
    {
        var data = await ImportOrganisations();
        var lesson = Key(data, new CredentialRequest("lakeside lessons", [Scopes.StatementsWrite, Scopes.State], PartnerId: "lakeside"));
        var northwind = Key(data, new CredentialRequest("northwind reports", [Scopes.Reports], MemberId: "northwind"));
        var contoso = Key(data, new CredentialRequest("contoso reports", [Scopes.Reports], MemberId: "contoso"));
        await using var server = await RunningCli.ServeAsync("--data", data, "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var posted = await http.SendAsync(Request(HttpMethod.Post, "/xapi/statements", lesson, new
        {
            actor = new { name = "Ana Ruiz", account = new { homePage = "https://lms.lakeside.example", name = "ana" } },
            verb = new { id = "http://adlnet.gov/expapi/verbs/completed" },
            @object = new { id = "https://traininglrs.org/courses/labor-rights-2026/modules/why-this-matters" },
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var mine = JsonDocument.Parse(await (await http.SendAsync(Request(HttpMethod.Get, "/odata/Completions", northwind))).Content.ReadAsStringAsync());
        using var theirs = JsonDocument.Parse(await (await http.SendAsync(Request(HttpMethod.Get, "/odata/Completions", contoso))).Content.ReadAsStringAsync());
        var row = Assert.Single(mine.RootElement.GetProperty("value").EnumerateArray());
        Assert.Equal("lakeside", row.GetProperty("PartnerId").GetString());
        Assert.True(row.GetProperty("Satisfied").GetBoolean());
        Assert.Empty(theirs.RootElement.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task Web_lessons_served_by_the_server_get_a_write_only_key_for_its_lrs()
    {
        await using var server = await RunningCli.ServeAsync("--data", _temp.Combine("data"), "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var script = await http.GetStringAsync("/lessons/assets/lrs-config.js");

        Assert.Contains($"\"endpoint\":\"{server.BaseAddress}xapi/\"", script);
        var auth = System.Text.RegularExpressions.Regex.Match(script, "\"auth\":\"Basic ([^\"]+)\"").Groups[1].Value;
        var key = Encoding.UTF8.GetString(Convert.FromBase64String(auth)).Split(':')[0];
        var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/xapi/statements", UriKind.Relative));
        read.Headers.Authorization = new("Basic", auth);
        read.Headers.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(read)).StatusCode);
        Assert.False(string.IsNullOrEmpty(key));
    }

    [Fact]
    public async Task Webinar_attendance_import_credits_the_mapped_modules_and_a_rebuild_gives_the_same_rows()
    {
        var data = await ImportOrganisations();
        await File.WriteAllTextAsync(_temp.Combine("attendance.csv"),
            "Webinar ID,Name (Original Name),User Email,Join Time,Leave Time,partner\n" +
            "kickoff-webinar,Ana Ruiz,ana@lakeside.example,2026-02-03 09:00:00,2026-02-03 09:40:00,lakeside\n" +
            "kickoff-webinar,Ana Ruiz,ana@lakeside.example,2026-02-03 09:45:00,2026-02-03 10:05:00,lakeside\n" +
            "kickoff-webinar,Kim Ode,kim@harbor.example,2026-02-03 09:00:00,2026-02-03 10:00:00,harbor\n");
        var common = new[] { "--data", data, "--content", Repository.Content, "--themes", Repository.Themes };

        var imported = await Support.Cli.RunAsync(["import", "attendance", _temp.Combine("attendance.csv"), "--time-zone", "America/Chicago", .. common]);
        var again = await Support.Cli.RunAsync(["import", "attendance", _temp.Combine("attendance.csv"), "--time-zone", "America/Chicago", .. common]);
        var rebuilt = await Support.Cli.RunAsync(["completions", "rebuild", "--check", .. common]);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("2 attendance record(s) stored", imported.Output);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, rebuilt.ExitCode);
        Assert.Contains("identical to the live projection", rebuilt.Output);
        using var database = LrsDatabase.Open(data);
        var rows = new Reporting.Completion.LiteDbCompletionStore(database, Reporting.Completion.ModuleCatalog.Empty).Rows();
        Assert.Contains(rows, r => r.PartnerId == "lakeside" && r.Satisfied && r.TimeSpent == TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task Attendance_for_an_unknown_webinar_or_partner_is_refused_with_its_line_and_stores_nothing()
    {
        var data = await ImportOrganisations();
        await File.WriteAllTextAsync(_temp.Combine("attendance.csv"),
            "webinar_id,name,email,join_time,leave_time,partner\n" +
            "no-such-webinar,Ana,ana@x.example,2026-02-03T09:00:00Z,2026-02-03T10:00:00Z,lakeside\n" +
            "kickoff-webinar,Kim,kim@x.example,2026-02-03T09:00:00Z,2026-02-03T10:00:00Z,nobody\n");

        var result = await Support.Cli.RunAsync("import", "attendance", _temp.Combine("attendance.csv"), "--data", data, "--content", Repository.Content, "--themes", Repository.Themes);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("attendance.csv:2: webinar_id: 'no-such-webinar' is not a webinar in course.yml", result.Error);
        Assert.Contains("attendance.csv:3: partner: partner 'nobody' is not known", result.Error);
        using var database = LrsDatabase.Open(data);
        Assert.Equal(0, new Reporting.Completion.LiteDbCompletionStore(database, Reporting.Completion.ModuleCatalog.Empty).Count());
    }

    [Fact]
    public async Task Erasing_a_learner_removes_their_completion_rows_and_name_from_reports()
    {
        var data = await ImportOrganisations();
        var lesson = Key(data, new CredentialRequest("lakeside lessons", [Scopes.StatementsWrite], PartnerId: "lakeside"));
        var admin = Key(data, new CredentialRequest("ops", [Scopes.Admin, Scopes.All]));
        await using var server = await RunningCli.ServeAsync("--data", data, "--content", Repository.Content, "--themes", Repository.Themes, "--out", _temp.Combine("dist"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        foreach (var name in new[] { "ana", "ben" })
        {
            var posted = await http.SendAsync(Request(HttpMethod.Post, "/xapi/statements", lesson, new
            {
                actor = new { name, account = new { homePage = "https://lms.lakeside.example", name } },
                verb = new { id = "http://adlnet.gov/expapi/verbs/completed" },
                @object = new { id = "https://traininglrs.org/courses/labor-rights-2026/modules/why-this-matters" },
            }));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var erase = await http.SendAsync(Request(HttpMethod.Post, "/admin/privacy/erase", admin, new
        {
            agent = new { account = new { homePage = "https://lms.lakeside.example", name = "ana" } },
            dryRun = false,
        }));

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        using var learners = JsonDocument.Parse(await (await http.SendAsync(Request(HttpMethod.Get, "/odata/Learners", admin))).Content.ReadAsStringAsync());
        using var rows = JsonDocument.Parse(await (await http.SendAsync(Request(HttpMethod.Get, "/odata/Completions", admin))).Content.ReadAsStringAsync());
        Assert.Single(learners.RootElement.GetProperty("value").EnumerateArray());
        Assert.Single(rows.RootElement.GetProperty("value").EnumerateArray());
    }
}

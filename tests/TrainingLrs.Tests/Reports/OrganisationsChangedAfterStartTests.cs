using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Tests.Cli;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Reports;

/// <summary>
/// Members and member–partner links that an admin adds while the server runs (and its report snapshots
/// already exist) reach that member's OData reports and dashboard within the snapshot refresh window,
/// and only that member's.
/// </summary>
public sealed partial class OrganisationsChangedAfterStartTests : IAsyncLifetime
{
    private const int SnapshotSeconds = 2;
    // The refresh window is half the snapshot seconds plus one rebuild; the rest is room for a busy machine.
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(SnapshotSeconds + 10);
    private readonly TempFolder _data = new();
    private TrainingLrsServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings
            {
                Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path },
                Reports = new ReportsSettings { SnapshotSeconds = SnapshotSeconds },
            },
            catalog: new ModuleCatalog([new ModuleInfo("m1", "https://x.example/m1", "Module one", MoveOn.Completed, true)]));
        _admin = new HttpClient { BaseAddress = _server.Addresses[0] };
        _admin.DefaultRequestHeaders.Authorization = KeysVerbTests.Basic(_server.FirstAdmin!.Credential.Key, _server.FirstAdmin.Secret);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Member_added_after_start_and_partner_linked_to_it_after_start_show_in_its_reports_and_dashboard_within_the_refresh_window()
    {
        await Import("members", "id,name\nnorthwind,Northwind\n");
        await Import("partners", "id,name,type,state,members\nlakeside,Lakeside,co-packer,OH,northwind\ncedar,Cedar,co-packer,OH,northwind\n");
        await Complete(await Key(new { name = "lakeside lessons", scopes = new[] { "statements/write" }, partnerId = "lakeside" }), "ana");
        await Complete(await Key(new { name = "cedar lessons", scopes = new[] { "statements/write" }, partnerId = "cedar" }), "lee");
        var northwind = await Key(new { name = "northwind reports", scopes = new[] { "reports" }, memberId = "northwind" });
        Assert.Equal(["cedar", "lakeside"], await Completions(northwind));

        // A new member reads its (empty) reports before any partner serves it: its snapshots are in use.
        await Import("members", "id,name\ncontoso,Contoso\n");
        var contoso = await Key(new { name = "contoso reports", scopes = new[] { "reports" }, memberId = "contoso" });
        var dashboard = await SignIn(contoso);
        Assert.Empty(await Completions(contoso));
        Assert.Equal(0, await LearnersStarted(dashboard));

        // An existing partner (with a learner) now also serves it: only the organisations changed.
        await Import("partners", "id,name,type,state,members\ncedar,Cedar,co-packer,OH,northwind;contoso\n");
        await AssertSeenWithinWindow(contoso, dashboard, ["cedar"]);

        // A new partner of its own sends a completion.
        await Import("partners", "id,name,type,state,members\nharbor,Harbor,service-provider,IA,contoso\n");
        await Complete(await Key(new { name = "harbor lessons", scopes = new[] { "statements/write" }, partnerId = "harbor" }), "kim");
        await AssertSeenWithinWindow(contoso, dashboard, ["cedar", "harbor"]);

        Assert.Equal(["cedar", "lakeside"], await Completions(northwind));
    }

    // Polls the member's OData completions and dashboard until they show the partners' rows; on the way
    // they may lag, but never show a row of a partner that does not serve the member.
    private async Task AssertSeenWithinWindow((string Key, string Secret) reports, string dashboard, string[] partners)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> rows = [];
        var started = -1;
        while (clock.Elapsed < s_window && (!rows.SequenceEqual(partners) || started != partners.Length))
        {
            await Task.Delay(250);
            rows = await Completions(reports);
            started = await LearnersStarted(dashboard);
            Assert.All(rows, partner => Assert.Contains(partner, partners));
            Assert.InRange(started, 0, partners.Length);
        }

        Assert.Equal(partners, rows);
        Assert.Equal(partners.Length, started);
    }

    private async Task Import(string file, string csv)
    {
        using var response = await _admin.PostAsync($"/admin/import/{file}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(string Key, string Secret)> Key(object request)
    {
        using var response = await _admin.PostAsJsonAsync("/admin/keys", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("key").GetString()!, json.RootElement.GetProperty("secret").GetString()!);
    }

    private async Task Complete((string Key, string Secret) lessons, string learner)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/xapi/statements", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                actor = new { name = learner, account = new { homePage = "https://lms.x.example", name = learner } },
                verb = new { id = "http://adlnet.gov/expapi/verbs/completed" },
                @object = new { id = "https://x.example/m1" },
            }),
        };
        request.Headers.Authorization = KeysVerbTests.Basic(lessons.Key, lessons.Secret);
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        using var response = await _admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The partner of every row of every page, sorted (each partner here has one learner).
    private async Task<IReadOnlyList<string>> Completions((string Key, string Secret) reports)
    {
        var rows = new List<string>();
        string? next = "/odata/Completions";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(next, next.StartsWith("http", StringComparison.Ordinal) ? UriKind.Absolute : UriKind.Relative));
            request.Headers.Authorization = KeysVerbTests.Basic(reports.Key, reports.Secret);
            using var response = await _admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            rows.AddRange(json.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("PartnerId").GetString()!));
            next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private async Task<string> SignIn((string Key, string Secret) reports)
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _admin.BaseAddress };
        using var response = await noRedirects.PostAsync("/dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = reports.Key,
            ["secret"] = reports.Secret,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    // The dashboard's module funnel: learners who started module m1.
    private async Task<int> LearnersStarted(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await _admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var funnel = FunnelRow().Match(page);
        Assert.True(funnel.Success, "the dashboard has no funnel row for m1");
        return int.Parse(funnel.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""data-module="m1"><th scope="row">[^<]*</th><td>[^<]*</td><td class="num">(\d+)</td>""")]
    private static partial Regex FunnelRow();
}

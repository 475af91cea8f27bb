using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Tests.Cli;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Reports;

public sealed class ODataReportTests : IAsyncLifetime
{
    private static readonly string[] s_members = ["northwind", "contoso", "fabrikam"];
    private readonly TempFolder _data = new();
    private TrainingLrsServer _server = null!;
    private HttpClient _http = null!;
    private ICredentialStore _credentials = null!;

    public async Task InitializeAsync()
    {
        _server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path } },
            catalog: new ModuleCatalog([new ModuleInfo("m1", "https://x.example/m1", "Module one", MoveOn.Completed, true)]));
        _http = new HttpClient { BaseAddress = _server.Addresses[0] };
        _credentials = (ICredentialStore)_server.Services.GetService(typeof(ICredentialStore))!;
        var organisations = (IOrganisationStore)_server.Services.GetService(typeof(IOrganisationStore))!;
        organisations.UpsertMembers(s_members.Select(m => new Member(m, m.ToUpperInvariant())).ToArray());
        // northwind gets 1,500 partners (paging), contoso 30, fabrikam 0 of its own; every tenth partner serves two members.
        var partners = Enumerable.Range(0, 1530).Select(i => new Partner(
            $"p{i:0000}", $"Partner {i}", (PartnerType)(i % 4), i % 2 == 0 ? "OH" : "TX", null,
            i < 1500 ? (i % 10 == 0 ? ["northwind", "contoso"] : ["northwind"]) : ["contoso"],
            new PartnerContact(null, null, null))).ToArray();
        organisations.UpsertPartners(partners);

        // One learner for each of p1490..p1529, and one written by a key bound to no partner.
        var completions = (LiteDbCompletionStore)_server.Services.GetService(typeof(LiteDbCompletionStore))!;
        var batch = Enumerable.Range(1490, 40).Select(i => Statement($"learner-{i}", $"p{i:0000}")).Append(Statement("nobody", null)).ToArray();
        completions.Project(batch, _ => null);
    }

    private static ProjectedStatement Statement(string learner, string? partner)
    {
        var id = Guid.NewGuid().ToString();
        var json = $$$"""{"id":"{{{id}}}","actor":{"name":"Name of {{{learner}}}","account":{"homePage":"https://lms.example","name":"{{{learner}}}"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/initialized"},"object":{"id":"https://x.example/m1"},"timestamp":"2026-01-10T10:00:00Z"}""";
        return new ProjectedStatement(id, json, DateTimeOffset.UtcNow, partner, null);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private HttpRequestMessage Get(string path, IssuedCredential credential)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, path.StartsWith("http", StringComparison.Ordinal) ? UriKind.Absolute : UriKind.Relative));
        request.Headers.Authorization = KeysVerbTests.Basic(credential.Credential.Key, credential.Secret);
        return request;
    }

    private IssuedCredential MemberKey(string member) => _credentials.Create(new CredentialRequest("reports " + member, [Scopes.Reports], MemberId: member));

    private async Task<List<JsonElement>> ReadAllPages(string path, IssuedCredential credential)
    {
        var rows = new List<JsonElement>();
        string? next = path;
        var pages = 0;
        while (next is not null)
        {
            var response = await _http.SendAsync(Get(next, credential));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            rows.AddRange(json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
            next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            Assert.True(++pages < 100, "paging did not end");
        }
        return rows;
    }

    [Fact]
    public async Task The_service_document_lists_every_set_and_metadata_is_xml_with_keys()
    {
        var admin = _server.FirstAdmin!;

        var serviceResponse = await _http.SendAsync(Get("/odata", admin));
        Assert.Equal(HttpStatusCode.OK, serviceResponse.StatusCode);
        using var service = JsonDocument.Parse(await serviceResponse.Content.ReadAsStringAsync());
        var metadata = await _http.SendAsync(Get("/odata/$metadata", admin));

        Assert.Equal(["Members", "Partners", "MemberPartners", "Learners", "Modules", "Completions", "PartnerProgress", "CampaignStatus"], service.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("application/xml", metadata.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await metadata.Content.ReadAsStringAsync());
        var entityTypes = xml.Descendants().Where(e => e.Name.LocalName == "EntityType").ToArray();
        Assert.NotEmpty(entityTypes);
        Assert.All(entityTypes, t => Assert.Contains(t.Elements(), e => e.Name.LocalName == "Key"));
    }

    [Theory]
    [InlineData("northwind", 1500)]
    [InlineData("contoso", 180)]
    [InlineData("fabrikam", 0)]
    public async Task A_member_key_sees_exactly_its_own_partners_on_every_page(string member, int expected)
    {
        var key = MemberKey(member);

        var partners = await ReadAllPages("/odata/Partners", key);
        var links = await ReadAllPages("/odata/MemberPartners", key);
        var members = await ReadAllPages("/odata/Members", key);

        Assert.Equal(expected, partners.Count);
        Assert.Equal(expected, partners.Select(p => p.GetProperty("Id").GetString()).Distinct().Count());
        Assert.All(links, l => Assert.Equal(member, l.GetProperty("MemberId").GetString()));
        Assert.Equal([member], members.Select(m => m.GetProperty("Id").GetString()));
    }

    [Fact]
    public async Task A_filter_cannot_widen_the_tenant_scope()
    {
        var key = MemberKey("contoso");

        var rows = await ReadAllPages("/odata/Partners?$filter=Id eq 'p0001' or Id ne 'x'", key);
        var links = await ReadAllPages("/odata/MemberPartners?$filter=MemberId eq 'northwind'", key);

        Assert.DoesNotContain(rows, r => r.GetProperty("Id").GetString() == "p0001");
        Assert.Empty(links);
    }

    [Fact]
    public async Task Admin_sees_every_partner_and_count_matches()
    {
        var response = await _http.SendAsync(Get("/odata/Partners?$count=true&$top=1", _server.FirstAdmin!));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(1530, json.RootElement.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task Server_paging_returns_1000_rows_and_a_next_link()
    {
        using var json = JsonDocument.Parse(await (await _http.SendAsync(Get("/odata/Partners?$orderby=Id", _server.FirstAdmin!))).Content.ReadAsStringAsync());

        Assert.Equal(1000, json.RootElement.GetProperty("value").GetArrayLength());
        Assert.Contains("$skip=1000", Uri.UnescapeDataString(json.RootElement.GetProperty("@odata.nextLink").GetString()!));
    }

    [Theory]
    [InlineData("/odata/Partners?$top=100000", "Top")]
    [InlineData("/odata/Partners?$apply=aggregate($count as c)", "Apply")]
    [InlineData("/odata/Partners?$compute=length(Name) as n", "Compute")]
    [InlineData("/odata/Partners?$expand=x", "Expand")]
    [InlineData("/odata/Partners?$filter=matchesPattern(Name,'^P')", "matchesPattern")]
    [InlineData("/odata/Partners?$filter=Nonexistent eq 1", "Nonexistent")]
    [InlineData("/odata/Partners?$filter=Name eq", "")]
    public async Task A_query_that_breaks_a_limit_is_400_naming_it_without_a_stack_trace(string path, string named)
    {
        var response = await _http.SendAsync(Get(path, _server.FirstAdmin!));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, body);
        Assert.DoesNotContain("stacktrace", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_filter_with_too_many_nodes_is_400_naming_the_node_limit()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"Id eq 'p{i}'"));

        var response = await _http.SendAsync(Get("/odata/Partners?$filter=" + Uri.EscapeDataString(filter), _server.FirstAdmin!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("node count", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_in_the_query_string_works_as_power_bi_sends_it()
    {
        var key = MemberKey("contoso");

        var response = await _http.GetAsync($"/odata/Partners?key={key.Credential.Key}&secret={Uri.EscapeDataString(key.Secret)}&$top=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_api_key_parameter_works_once_or_repeated_as_power_query_sends_it()
    {
        var key = MemberKey("contoso");
        var apiKey = Uri.EscapeDataString(key.Credential.Key + ":" + key.Secret);

        var once = await _http.GetAsync($"/odata/Partners?api_key={apiKey}&$top=5");
        var twice = await _http.GetAsync($"/odata/Partners?api_key={apiKey}&$top=5&api_key={apiKey}");

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
    }

    [Theory]
    [InlineData("/odata/Partners?api_key={0}&api_key=other:value")]
    [InlineData("/odata/Partners?api_key=no-colon")]
    [InlineData("/admin/keys?api_key={0}")]
    public async Task An_api_key_parameter_that_is_ambiguous_malformed_or_outside_reports_is_refused(string url)
    {
        var key = _server.FirstAdmin!;

        var response = await _http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Uri.EscapeDataString(key.Credential.Key + ":" + key.Secret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_not_accepted_outside_reports()
    {
        var response = await _http.GetAsync($"/admin/keys?key={_server.FirstAdmin!.Credential.Key}&secret={Uri.EscapeDataString(_server.FirstAdmin.Secret)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Lesson_keys_and_anonymous_callers_cannot_read_reports()
    {
        var lesson = _credentials.Create(new CredentialRequest("lesson", [Scopes.StatementsWrite, Scopes.Reports], PartnerId: "p0001"));
        var xapiOnly = _credentials.Create(new CredentialRequest("lrs", [Scopes.All]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/odata/Partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(Get("/odata/Partners", lesson))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(Get("/odata/Partners", xapiOnly))).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_has_the_same_rows_in_the_same_scope()
    {
        var key = MemberKey("contoso");

        var response = await _http.SendAsync(Get("/reports/Partners.csv", key));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Id,Name,Type,State,LmsHomePage,ContactName,ContactEmail,ContactPhone", lines[0]);
        Assert.Equal(180, lines.Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(Get("/reports/Secrets.csv", key))).StatusCode);
    }

    [Theory]
    [InlineData("northwind", 10)]
    [InlineData("contoso", 31)]
    [InlineData("fabrikam", 0)]
    public async Task Learner_and_completion_sets_never_show_another_members_partners(string member, int learners)
    {
        var key = MemberKey(member);
        var visible = (await ReadAllPages("/odata/Partners", key)).Select(p => p.GetProperty("Id").GetString()).ToHashSet();

        foreach (var set in new[] { "Learners", "Completions", "PartnerProgress", "CampaignStatus" })
        {
            var rows = await ReadAllPages("/odata/" + set, key);
            Assert.All(rows, r => Assert.Contains(r.GetProperty("PartnerId").GetString(), visible));
        }
        Assert.Equal(learners, (await ReadAllPages("/odata/Learners", key)).Count);
        Assert.Equal(learners, (await ReadAllPages("/odata/Completions", key)).Count);
        Assert.Equal(visible.Count, (await ReadAllPages("/odata/CampaignStatus", key)).Count);
    }

    [Fact]
    public async Task Learner_names_are_hidden_unless_configured_and_admin_sees_unattributed_learners()
    {
        var learners = await ReadAllPages("/odata/Learners", _server.FirstAdmin!);

        Assert.Equal(41, learners.Count);
        Assert.All(learners, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("Name").ValueKind));
    }

    [Fact]
    public async Task Completion_rows_have_string_statuses_and_utc_dates()
    {
        var rows = await ReadAllPages("/odata/Completions?$filter=PartnerId eq 'p1490'", _server.FirstAdmin!);

        var row = Assert.Single(rows);
        Assert.Equal("in-progress", row.GetProperty("Status").GetString());
        Assert.Equal("2026-01-10T10:00:00Z", row.GetProperty("FirstActivity").GetString());
    }
}

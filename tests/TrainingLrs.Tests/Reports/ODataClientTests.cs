using System.Net;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;
using TrainingLrs.Tests.Cli;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Reports;

/// <summary>
/// The <c>/odata</c> feed read by Microsoft's OData client library over real HTTP, standing in for Excel
/// and Power BI (not available here): the reader validates every payload against the served
/// <c>$metadata</c>, which hand-written JSON checks do not.
/// </summary>
public sealed class ODataClientTests(ODataClientTests.Fixture fixture) : IClassFixture<ODataClientTests.Fixture>
{
    // Mid-campaign, so deadlines, completion dates and every campaign state appear in the rows.
    private static readonly ModuleCatalog s_catalog = DemoSeeder.InProgress(
        new ModuleCatalog([.. Enumerable.Range(1, 4).Select(i => new ModuleInfo($"m{i}", $"https://x.example/m{i}", $"Module {i}", MoveOn.CompletedAndPassed, i < 4))]),
        DateTimeOffset.UtcNow);

    // Two members so that a member's key also has sets longer than one server page.
    private static readonly DemoOptions s_demo = new(Members: 2, Partners: 40, LearnersPerPartner: 24);

    // What Power Query's OData.Feed sends with every request.
    private const string PowerQueryAccept =
        "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7";

    private readonly TrainingLrsServer _server = fixture.Server;
    private readonly HttpClient _http = fixture.Http;
    private readonly IOrganisationStore _organisations = fixture.Organisations;
    private readonly IssuedCredential _memberKey = fixture.MemberKey;

    /// <summary>
    /// Who calls, and how the key travels: Basic auth; <c>key</c> and <c>secret</c> pasted into the feed
    /// URL; or as Power Query's Web API credential does it, one <c>api_key</c> parameter that it adds to
    /// every URL it requests, next links included.
    /// </summary>
    public enum Caller { AdminBasic, AdminInQuery, MemberBasic, MemberInQuery, MemberApiKey }

    /// <summary>One seeded server for the whole class: every test only reads.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TempFolder _data = new();

        public TrainingLrsServer Server { get; private set; } = null!;

        public HttpClient Http { get; private set; } = null!;

        public IOrganisationStore Organisations { get; private set; } = null!;

        public IssuedCredential MemberKey { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await TrainingLrsServer.StartAsync(
                new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path } }, catalog: s_catalog);
            MemberKey = (await DemoSeeder.SeedAsync(Server.Services, s_demo, TextWriter.Null, CancellationToken.None))!;
            Organisations = (IOrganisationStore)Server.Services.GetService(typeof(IOrganisationStore))!;
            Http = new HttpClient { BaseAddress = Server.Addresses[0] };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
            _data.Dispose();
        }
    }

    private IssuedCredential KeyOf(Caller caller) => caller is Caller.AdminBasic or Caller.AdminInQuery ? _server.FirstAdmin! : _memberKey;

    // Power Query appends its ApiKeyName parameter to each request, whatever the URL already holds.
    private Uri WithApiKey(Uri uri) =>
        new(uri + (uri.Query.Length == 0 ? "?" : "&") + $"api_key={Uri.EscapeDataString(_memberKey.Credential.Key + ":" + _memberKey.Secret)}");

    // The first URL of a read. A query-string key is put on it once, as a user pastes it into the feed
    // URL; next links are then followed exactly as the server wrote them.
    private Uri Start(string pathAndQuery, Caller caller)
    {
        var uri = new Uri(_http.BaseAddress!, pathAndQuery);
        if (caller is not (Caller.AdminInQuery or Caller.MemberInQuery))
        {
            return uri;
        }
        var key = KeyOf(caller);
        var separator = uri.Query.Length == 0 ? "?" : "&";
        return new Uri(uri + $"{separator}key={Uri.EscapeDataString(key.Credential.Key)}&secret={Uri.EscapeDataString(key.Secret)}");
    }

    private async Task<HttpResponseMessage> Send(Uri uri, Caller caller, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, caller == Caller.MemberApiKey ? WithApiKey(uri) : uri);
        request.Headers.TryAddWithoutValidation("Accept", PowerQueryAccept);
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        if (caller is Caller.AdminBasic or Caller.MemberBasic)
        {
            request.Headers.Authorization = KeysVerbTests.Basic(KeyOf(caller).Credential.Key, KeyOf(caller).Secret);
        }
        var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"GET {uri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("4.0", Assert.Single(response.Headers.GetValues("OData-Version")));
        return response;
    }

    private async Task<IEdmModel> ReadModel(Caller caller)
    {
        // Power Query's Accept prefers JSON, but it reads the metadata document only as XML (CSDL); the
        // server must not answer with JSON CSDL.
        var response = await Send(Start("/odata/$metadata", caller), caller);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("; ", errors ?? []));
        return model;
    }

    private ODataMessageReaderSettings ReaderSettings() => new()
    {
        BaseUri = new Uri(_http.BaseAddress!, "/odata/"),
        // Every check on: undeclared properties, values that do not match their declared type and
        // context URLs that name no set are errors, as they are for a client that trusts $metadata.
        Validations = ValidationKinds.All,
        MaxProtocolVersion = ODataVersion.V4,
    };

    private sealed record Feed(List<ODataResource> Rows, long? Count, List<Uri> NextLinks);

    // Reads every page of a set with the OData reader, following @odata.nextLink.
    private async Task<Feed> ReadAll(IEdmModel model, string set, string query, Caller caller)
    {
        var entitySet = model.EntityContainer.FindEntitySet(set);
        Assert.NotNull(entitySet);
        var feed = new Feed([], null, []);
        Uri? next = Start($"/odata/{set}{query}", caller);
        long? count = null;
        while (next is not null)
        {
            Assert.True(feed.NextLinks.Count < 100, "paging did not end");
            var response = await Send(next, caller);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
            var message = await HttpODataResponseMessage.ReadAsync(response);
            using var reader = new ODataMessageReader(message, ReaderSettings(), model);
            var setReader = reader.CreateODataResourceSetReader(entitySet, entitySet.EntityType);
            next = null;
            while (setReader.Read())
            {
                if (setReader.State == ODataReaderState.ResourceEnd)
                {
                    feed.Rows.Add((ODataResource)setReader.Item);
                }
                else if (setReader.State == ODataReaderState.ResourceSetEnd)
                {
                    var page = (ODataResourceSet)setReader.Item;
                    count ??= page.Count;
                    next = page.NextPageLink;
                }
            }
            if (next is not null)
            {
                feed.NextLinks.Add(next);
            }
        }
        return feed with { Count = count };
    }

    private static object? Value(ODataResource row, string property) =>
        row.Properties.OfType<ODataProperty>().Single(p => p.Name == property).Value is var value and not ODataNullValue ? value : null;

    [Fact]
    public async Task Metadata_parses_and_validates_with_the_odata_library_and_has_the_types_power_bi_needs()
    {
        var model = await ReadModel(Caller.AdminBasic);

        Assert.True(model.Validate(out var errors), string.Join("; ", errors.Select(e => e.ToString())));
        var sets = model.EntityContainer.EntitySets().ToArray();
        Assert.Equal(ReportSource.SetNames, sets.Select(s => s.Name));
        Assert.All(sets, s => Assert.NotEmpty(s.EntityType.Key()));
        Assert.All(sets.SelectMany(s => s.EntityType.Key()), k => Assert.False(k.Type.IsNullable));
        var properties = sets.SelectMany(s => s.EntityType.StructuralProperties().Select(p => (Set: s.Name, p.Name, Type: p.Type.FullName()))).ToArray();
        string TypeOf(string set, string name) => properties.Single(p => p.Set == set && p.Name == name).Type;
        Assert.All(
            new[] { ("Learners", "FirstSeen"), ("Learners", "LastSeen"), ("Completions", "SatisfiedAt"), ("Completions", "FirstActivity"), ("Completions", "LastActivity"), ("CampaignStatus", "CompletedAt"), ("CampaignStatus", "Deadline") },
            p => Assert.Equal("Edm.DateTimeOffset", TypeOf(p.Item1, p.Item2)));
        Assert.All(
            new[] { ("Completions", "Status"), ("CampaignStatus", "State"), ("Modules", "MoveOn"), ("Partners", "Type") },
            p => Assert.Equal("Edm.String", TypeOf(p.Item1, p.Item2)));
        // Power BI loads enums and nested records only with extra steps; every column is a primitive.
        Assert.Empty(model.SchemaElements.OfType<IEdmEnumType>());
        Assert.All(properties, p => Assert.StartsWith("Edm.", p.Type));
    }

    [Theory]
    [InlineData(Caller.AdminBasic)]
    [InlineData(Caller.MemberBasic)]
    [InlineData(Caller.AdminInQuery)]
    [InlineData(Caller.MemberApiKey)]
    public async Task The_service_document_reads_with_the_odata_library_and_names_every_set_of_the_metadata(Caller caller)
    {
        var model = await ReadModel(caller);

        var response = await Send(Start("/odata", caller), caller);
        using var reader = new ODataMessageReader(await HttpODataResponseMessage.ReadAsync(response), ReaderSettings(), model);
        var service = reader.ReadServiceDocument();

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(model.EntityContainer.EntitySets().Select(s => s.Name), service.EntitySets.Select(s => s.Name));
        Assert.All(service.EntitySets, s => Assert.Equal(new Uri(_http.BaseAddress!, "/odata/" + s.Name), s.Url));
    }

    [Theory]
    [InlineData(Caller.AdminBasic)]
    [InlineData(Caller.AdminInQuery)]
    [InlineData(Caller.MemberBasic)]
    [InlineData(Caller.MemberInQuery)]
    [InlineData(Caller.MemberApiKey)]
    public async Task Every_set_reads_on_every_page_with_the_odata_library_matching_its_count_and_the_callers_scope(Caller caller)
    {
        var model = await ReadModel(caller);
        var member = caller is Caller.MemberBasic or Caller.MemberInQuery or Caller.MemberApiKey ? _memberKey.Credential.MemberId : null;
        var visible = member is null ? null : _organisations.PartnersOf(member).Select(p => p.Id).ToHashSet();
        var paged = 0;

        foreach (var set in model.EntityContainer.EntitySets().Select(s => s.Name))
        {
            var feed = await ReadAll(model, set, "?$count=true", caller);

            Assert.NotEmpty(feed.Rows);
            Assert.Equal(feed.Count, feed.Rows.Count);
            var keys = model.EntityContainer.FindEntitySet(set).EntityType.Key().Select(k => k.Name).ToArray();
            Assert.Equal(feed.Rows.Count, feed.Rows.Select(r => string.Join("|", keys.Select(k => Value(r, k)))).Distinct().Count());
            if (caller is Caller.AdminInQuery or Caller.MemberInQuery)
            {
                // A client that cannot send headers follows the link as written, so the key must be in it.
                Assert.All(feed.NextLinks, l => Assert.Contains("key=" + Uri.EscapeDataString(KeyOf(caller).Credential.Key), l.Query));
            }
            paged += feed.NextLinks.Count > 0 ? 1 : 0;
            if (visible is not null)
            {
                Assert.All(feed.Rows, row => AssertInScope(set, row, member!, visible));
            }
        }

        Assert.True(paged >= 1, "no set was long enough to page, so next links were not followed");
    }

    private static void AssertInScope(string set, ODataResource row, string member, HashSet<string> visible)
    {
        switch (set)
        {
            case "Members":
                Assert.Equal(member, Value(row, "Id"));
                break;
            case "Partners":
                Assert.Contains((string)Value(row, "Id")!, visible);
                break;
            case "MemberPartners":
                Assert.Equal(member, Value(row, "MemberId"));
                Assert.Contains((string)Value(row, "PartnerId")!, visible);
                break;
            case "Modules":
                break;
            default:
                Assert.Contains(Value(row, "PartnerId") as string ?? "(none)", visible);
                break;
        }
    }

    [Theory]
    [InlineData(Caller.AdminBasic)]
    [InlineData(Caller.MemberInQuery)]
    public async Task Select_filter_on_an_offset_date_orderby_top_and_skip_read_with_the_odata_library(Caller caller)
    {
        var model = await ReadModel(caller);
        var all = (await ReadAll(model, "Completions", "", caller)).Rows;
        // Local midnight in UTC+02:00 two weeks into the campaign, sent with its offset as Power Query does.
        var since = new DateTimeOffset(DateTime.SpecifyKind(s_catalog.Campaign!.Start.UtcDateTime.Date.AddDays(14), DateTimeKind.Unspecified), TimeSpan.FromHours(2));

        var selected = await ReadAll(model, "Completions", "?$select=Id,Status,FirstActivity", caller);
        var filtered = await ReadAll(model, "Completions", "?$filter=" + Uri.EscapeDataString($"FirstActivity ge {since:yyyy-MM-ddTHH:mm:sszzz}") + "&$count=true", caller);
        var ordered = await ReadAll(model, "Completions", "?$orderby=" + Uri.EscapeDataString("LastActivity desc,Id"), caller);
        var window = await ReadAll(model, "Completions", "?$orderby=Id&$top=7&$skip=3", caller);

        Assert.Equal(all.Count, selected.Rows.Count);
        Assert.All(selected.Rows, r => Assert.Equal(["Id", "Status", "FirstActivity"], r.Properties.Select(p => p.Name)));
        var expected = all.Where(r => (DateTimeOffset)Value(r, "FirstActivity")! >= since).Select(r => Value(r, "Id")).ToArray();
        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count, expected.Length);
        Assert.Equal(expected.Length, filtered.Count);
        Assert.Equal(expected, filtered.Rows.Select(r => Value(r, "Id")));
        Assert.Equal(
            all.OrderByDescending(r => (DateTimeOffset)Value(r, "LastActivity")!).ThenBy(r => (string)Value(r, "Id")!, StringComparer.Ordinal).Select(r => Value(r, "Id")),
            ordered.Rows.Select(r => Value(r, "Id")));
        Assert.Equal(all.Select(r => (string)Value(r, "Id")!).Order(StringComparer.Ordinal).Skip(3).Take(7), window.Rows.Select(r => (string)Value(r, "Id")!));
    }

    [Fact]
    public async Task A_rejected_query_is_an_odata_error_the_library_reads_with_the_rule_it_broke()
    {
        var model = await ReadModel(Caller.MemberInQuery);

        var response = await Send(Start("/odata/Completions?$filter=Nonexistent eq 1", Caller.MemberInQuery), Caller.MemberInQuery, HttpStatusCode.BadRequest);
        using var reader = new ODataMessageReader(await HttpODataResponseMessage.ReadAsync(response), ReaderSettings(), model);
        var error = reader.ReadError();

        Assert.Equal("InvalidQuery", error.Code);
        Assert.Contains("Nonexistent", error.Message);
    }
}

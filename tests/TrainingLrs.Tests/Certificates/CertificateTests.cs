using System.Net;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Certificates;

public sealed class CertificateTests : IAsyncLifetime
{
    private const string Module = "https://x.example/modules/m1";
    private readonly TempFolder _data = new();
    private TrainingLrsServer _server = null!;
    private HttpClient _http = null!;
    private LiteDbCompletionStore _completions = null!;

    public async Task InitializeAsync()
    {
        _server = await TrainingLrsServer.StartAsync(
            new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path } },
            catalog: new ModuleCatalog([new ModuleInfo("m1", Module, "Child labor law essentials", MoveOn.Passed, true)], courseTitle: "Labor rights 2026"));
        _http = new HttpClient { BaseAddress = _server.Addresses[0] };
        ((IOrganisationStore)_server.Services.GetService(typeof(IOrganisationStore))!).UpsertMembers([new Member("m", "M")]);
        ((IOrganisationStore)_server.Services.GetService(typeof(IOrganisationStore))!).UpsertPartners(
            [new Partner("lakeside", "Lakeside Co-Pack", PartnerType.CoPacker, "OH", null, ["m"], new PartnerContact(null, null, null))]);
        _completions = (LiteDbCompletionStore)_server.Services.GetService(typeof(LiteDbCompletionStore))!;
        _completions.Project([Statement("ana", "Ana Ruiz", "http://adlnet.gov/expapi/verbs/passed"), Statement("ben", "Ben Ode", "http://adlnet.gov/expapi/verbs/failed")], _ => null);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private static ProjectedStatement Statement(string account, string name, string verb)
    {
        var id = Guid.NewGuid().ToString();
        var json = $$$"""{"id":"{{{id}}}","actor":{"name":"{{{name}}}","account":{"homePage":"https://lms.example","name":"{{{account}}}"}},"verb":{"id":"{{{verb}}}"},"object":{"id":"{{{Module}}}"},"timestamp":"2026-03-04T10:00:00Z"}""";
        return new ProjectedStatement(id, json, DateTimeOffset.UtcNow, "lakeside", null);
    }

    private string CodeOf(string account) =>
        _completions.Find(StatementFacts.HashIdentifier("account:https://lms.example|" + account), "m1")?.CertificateCode!;

    [Fact]
    public async Task A_satisfied_learner_has_a_printable_certificate_with_name_module_date_and_code()
    {
        var code = CodeOf("ana");

        var page = await _http.GetStringAsync($"/certificates/{code}");

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains("Ana Ruiz", page);
        Assert.Contains("Lakeside Co-Pack", page);
        Assert.Contains("Child labor law essentials", page);
        Assert.Contains("March 4, 2026", page);
        Assert.Contains(code, page);
    }

    [Fact]
    public void A_learner_who_has_not_satisfied_the_module_has_no_certificate()
    {
        Assert.Null(CodeOf("ben"));
    }

    [Fact]
    public async Task Verify_confirms_a_code_typed_in_any_case_without_revealing_the_learner()
    {
        var code = CodeOf("ana");

        var response = await _http.GetAsync($"/verify?code={code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Valid.", page);
        Assert.Contains("Child labor law essentials", page);
        Assert.DoesNotContain("Ana", page);
        Assert.DoesNotContain("Lakeside", page);
    }

    [Theory]
    [InlineData("/verify/AAAA-BBBB-CCCC-DDDD")]
    [InlineData("/verify/not-a-code")]
    [InlineData("/certificates/AAAA-BBBB-CCCC-DDDD")]
    [InlineData("/certificates/%3Cscript%3E")]
    public async Task An_unknown_or_malformed_code_is_404_and_never_500(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Codes_survive_a_rebuild_of_the_completion_rows()
    {
        var before = CodeOf("ana");
        var statements = new[] { Statement("ana", "Ana Ruiz", "http://adlnet.gov/expapi/verbs/passed") };

        _completions.Rebuild(statements);

        Assert.Equal(before, CodeOf("ana"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/verify/{before}")).StatusCode);
    }
}

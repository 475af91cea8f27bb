using Microsoft.Playwright;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Browser.Tests.Support;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Browser.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Base = "https://traininglrs.org/courses/test/modules/";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "traininglrs-tests", Guid.NewGuid().ToString("N"));
    private TrainingLrsServer _server = null!;
    private IssuedCredential _northwind = null!;

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var catalog = new ModuleCatalog(
            [new ModuleInfo("m1", Base + "m1", "Why this matters", MoveOn.Completed, true), new ModuleInfo("m2", Base + "m2", "Child labor law", MoveOn.Passed, true)],
            campaign: new CampaignInfo(now.AddDays(-60), now.AddDays(-1), LearnersNeededPerPartner: 1));
        _server = await TrainingLrsServer.StartAsync(new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data } }, catalog: catalog);

        var organisations = (IOrganisationStore)_server.Services.GetService(typeof(IOrganisationStore))!;
        organisations.UpsertMembers([new Member("northwind", "Northwind Foods"), new Member("contoso", "Contoso Brands")]);
        organisations.UpsertPartners(
        [
            new Partner("lakeside", "Lakeside Co-Pack", PartnerType.CoPacker, "OH", null, ["northwind"], new PartnerContact("Ana Ruiz", "ana@lakeside.example", "+1 614 555 0100")),
            new Partner("prairie", "Prairie Staffing", PartnerType.LaborProvider, "TX", null, ["northwind"], new PartnerContact("Tom Lee", "tom@prairie.example", null)),
            new Partner("harbor", "Harbor Sanitation", PartnerType.ServiceProvider, "IA", null, ["contoso"], new PartnerContact("Kim Ode", "kim@harbor.example", null)),
        ]);

        var completions = (LiteDbCompletionStore)_server.Services.GetService(typeof(LiteDbCompletionStore))!;
        var at = now.AddDays(-30);
        completions.Project(
        [
            Statement("lakeside", "ana", "http://adlnet.gov/expapi/verbs/completed", "m1", at),
            Statement("lakeside", "ana", "http://adlnet.gov/expapi/verbs/passed", "m2", at.AddHours(1)),
            Statement("prairie", "raul", "http://adlnet.gov/expapi/verbs/completed", "m1", at),
            Statement("prairie", "sue", "http://adlnet.gov/expapi/verbs/initialized", "m1", at),
        ], _ => null);

        var credentials = (ICredentialStore)_server.Services.GetService(typeof(ICredentialStore))!;
        _northwind = credentials.Create(new CredentialRequest("northwind reports", [Scopes.Reports], MemberId: "northwind"));
    }

    private static ProjectedStatement Statement(string partner, string learner, string verb, string module, DateTimeOffset at)
    {
        var id = Guid.NewGuid().ToString();
        var json = $$$"""{"id":"{{{id}}}","actor":{"name":"{{{learner}}}","account":{"homePage":"https://lms.{{{partner}}}.example","name":"{{{learner}}}"}},"verb":{"id":"{{{verb}}}"},"object":{"id":"{{{Base}}}{{{module}}}"},"timestamp":"{{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}"}""";
        return new ProjectedStatement(id, json, at, partner, null);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, IssuedCredential credential)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server.Addresses[0], "/dashboard").ToString());
        Assert.EndsWith("/dashboard/login", page.Url);
        await page.GetByLabel("Key").FillAsync(credential.Credential.Key);
        await page.GetByLabel("Secret").FillAsync(credential.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    private static async Task<string> Card(IPage page, string state) => (await page.Locator($".card[data-state='{state}'] .n").InnerTextAsync()).Trim();

    [Fact]
    public async Task A_member_sees_its_own_partners_numbers_and_overdue_contacts()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, _northwind);

        Assert.Contains("Northwind Foods", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("1", await Card(page, "complete"));
        Assert.Equal("1", await Card(page, "overdue"));
        Assert.Equal("0", await Card(page, "not-started"));
        var overdue = page.Locator("#overdue tbody tr");
        Assert.Equal(1, await overdue.CountAsync());
        Assert.Contains("Prairie Staffing", await overdue.InnerTextAsync());
        Assert.Contains("tom@prairie.example", await overdue.InnerTextAsync());
        Assert.DoesNotContain("Harbor", await page.ContentAsync());
        var m1 = page.Locator("#funnel tr[data-module='m1'] td");
        Assert.Equal(["yes", "3", "2", "66.7"], await m1.AllInnerTextsAsync());
    }

    [Fact]
    public async Task Filters_work_without_javascript()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await SignInAsync(context, _server.FirstAdmin!);

        await page.SelectOptionAsync("#type", "labor-provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        Assert.Contains("type=labor-provider", page.Url);
        Assert.Equal("1", await Card(page, "overdue"));
        Assert.Equal("0", await Card(page, "complete"));
    }

    [Fact]
    public async Task The_dashboard_and_login_pages_have_no_wcag_aa_violations()
    {
        await using var context = await browser.NewContextAsync();
        var login = await context.NewPageAsync();
        await login.GotoAsync(new Uri(_server.Addresses[0], "/dashboard/login").ToString());
        Assert.Empty(await Axe.ViolationsAsync(login));

        var page = await SignInAsync(context, _server.FirstAdmin!);

        Assert.Empty(await Axe.ViolationsAsync(page));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_a_message_and_no_cookie()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server.Addresses[0], "/dashboard/login").ToString());
        await page.GetByLabel("Key").FillAsync(_northwind.Credential.Key);
        await page.GetByLabel("Secret").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Contains("Unknown key or wrong secret", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task The_page_is_usable_on_a_360_pixel_wide_phone()
    {
        await using var context = await browser.NewContextAsync(360, 740);
        var page = await SignInAsync(context, _northwind);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at 360 px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "traininglrs-dashboard-360.png"), FullPage = true });
    }

    [Fact]
    public async Task Certificate_and_verify_pages_have_no_wcag_aa_violations_and_print_on_one_page()
    {
        var completions = (LiteDbCompletionStore)_server.Services.GetService(typeof(LiteDbCompletionStore))!;
        var code = completions.Rows().First(r => r.CertificateCode is not null).CertificateCode!;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(_server.Addresses[0], "/certificates/" + code).ToString());
        Assert.Empty(await Axe.ViolationsAsync(page));
        var pdf = await page.PdfAsync(new PagePdfOptions { Landscape = true });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.True(pages.Count == 1, $"the certificate prints on {pages.Count} pages");

        await page.GotoAsync(new Uri(_server.Addresses[0], "/verify/" + code).ToString());
        Assert.Contains("Valid.", await page.InnerTextAsync("main"));
        Assert.Empty(await Axe.ViolationsAsync(page));
    }
}

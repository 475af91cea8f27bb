using System.Net;
using System.Net.Http.Json;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Tests.Cli;
using TrainingLrs.Tests.Support;

namespace TrainingLrs.Tests.Hosting;

public sealed class AdminKeysApiTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private TrainingLrsServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path } };
        _server = await TrainingLrsServer.StartAsync(settings);
        _http = new HttpClient { BaseAddress = _server.Addresses[0] };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private HttpRequestMessage As(IssuedCredential credential, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = KeysVerbTests.Basic(credential.Credential.Key, credential.Secret);
        return request;
    }

    [Fact]
    public async Task Without_credentials_admin_keys_is_401_with_a_basic_challenge()
    {
        var response = await _http.GetAsync("/admin/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_credential_without_the_admin_scope_gets_403()
    {
        var store = (ICredentialStore)_server.Services.GetService(typeof(ICredentialStore))!;
        var lessonKey = store.Create(new CredentialRequest("lesson", [Scopes.All], PartnerId: "p1"));

        var response = await _http.SendAsync(As(lessonKey, HttpMethod.Get, "/admin/keys"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_401_not_500()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/keys");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_key_with_an_unknown_scope_is_400_naming_it()
    {
        var request = As(_server.FirstAdmin!, HttpMethod.Post, "/admin/keys");
        request.Content = JsonContent.Create(new { name = "x", scopes = new[] { "root" } });

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown scope 'root'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoking_over_http_takes_effect_on_the_next_request()
    {
        var create = As(_server.FirstAdmin!, HttpMethod.Post, "/admin/keys");
        create.Content = JsonContent.Create(new { name = "ops", scopes = new[] { "admin" } });
        var issued = (await (await _http.SendAsync(create)).Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
        var second = new IssuedCredential(new Credential(issued["key"], "ops", ["admin"], null, null, default, null), issued["secret"]);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(As(second, HttpMethod.Get, "/admin/keys"))).StatusCode);

        var revoke = await _http.SendAsync(As(_server.FirstAdmin!, HttpMethod.Delete, "/admin/keys/" + issued["key"]));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(As(second, HttpMethod.Get, "/admin/keys"))).StatusCode);
    }

    [Fact]
    public async Task Health_is_200_while_the_database_is_open()
    {
        var response = await _http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

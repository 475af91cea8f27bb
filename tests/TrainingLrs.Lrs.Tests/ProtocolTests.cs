using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Versions, errors, authentication, scopes, limits and CORS.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private LrsServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LrsServer.StartAsync(new XapiOptions
        {
            MaxRequestBodyBytes = 64 * 1024,
            AllowedOrigins = ["https://lms.example.com"],
            RequestsPerMinutePerCredential = 5,
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Missing_version_header_is_400_and_still_carries_the_version_header()
    {
        var response = await _server.Client(version: null!).GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Experience-API-Version"));
    }

    [Theory]
    [InlineData("0.95")]
    [InlineData("1.1.0")]
    [InlineData("3.0.0")]
    public async Task Unsupported_version_is_400(string version)
    {
        var response = await _server.Client(version).GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task About_needs_neither_credentials_nor_version_and_lists_both_families()
    {
        var response = await _server.Anonymous(version: null).GetAsync("/xapi/about");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = (await response.ReadJsonAsync())["version"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        Assert.Contains("1.0.3", versions);
        Assert.Contains("2.0.0", versions);
    }

    [Fact]
    public async Task About_asked_by_a_1_0_3_client_lists_only_1_0_x_versions()
    {
        var response = await _server.Anonymous(version: "1.0.3").GetAsync("/xapi/about");
        var versions = (await response.ReadJsonAsync())["version"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Equal(["1.0.0", "1.0.1", "1.0.2", "1.0.3"], versions);
    }

    [Fact]
    public async Task Missing_or_wrong_credentials_are_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Anonymous().GetAsync("/xapi/statements")).StatusCode);
        var client = _server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("nobody:wrong")));
        var response = await client.GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Experience-API-Version"));
    }

    [Fact]
    public async Task Scope_that_does_not_allow_the_call_is_403()
    {
        var writer = _server.Client(scopes: Scopes.StatementsWrite);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/xapi/statements")).StatusCode);
        var stateOnly = _server.Client(scopes: Scopes.State);
        Assert.Equal(HttpStatusCode.Forbidden, (await stateOnly.PostAsync("/xapi/statements", Xapi.Json(Xapi.Statement()))).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await _server.Client().PostAsync("/xapi/statements", Xapi.Json("{\"actor\":"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Duplicate_property_names_are_400()
    {
        var response = await _server.Client().PostAsync("/xapi/statements",
            Xapi.Json("""{"actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},"verb":{"id":"http://example.com/w"},"object":{"id":"http://example.com/a"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_json_is_400_not_500()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var response = await _server.Client().PostAsync("/xapi/statements", Xapi.Json(deep));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_cap_is_413()
    {
        var huge = "[" + string.Join(',', Enumerable.Repeat(Xapi.Statement().ToJsonString(), 2000)) + "]";
        var response = await _server.Client().PostAsync("/xapi/statements", Xapi.Json(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_400()
    {
        var response = await _server.Client().PostAsync("/xapi/statements", new StringContent(Xapi.Statement().ToJsonString(), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_query_parameter_is_400()
    {
        var response = await _server.Client().GetAsync("/xapi/statements?colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Credential_over_its_rate_is_429()
    {
        var client = _server.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/xapi/statements")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Preflight_from_an_allowed_origin_gets_the_xapi_headers_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/xapi/statements");
        request.Headers.Add("Origin", "https://lms.example.com");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-experience-api-version");
        var response = await _server.Anonymous(version: null).SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://lms.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-experience-api-version", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/xapi/statements");
        request.Headers.Add("Origin", "https://evil.example.com");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        var response = await _server.Anonymous(version: null).SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Alternate_request_syntax_works_in_1_0_3()
    {
        var client = _server.Client();
        var auth = client.DefaultRequestHeaders.Authorization!.ToString();
        var id = Guid.NewGuid().ToString();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id,
            ["content"] = Xapi.Statement().ToJsonString(),
            ["Authorization"] = auth,
            ["X-Experience-API-Version"] = "1.0.3",
            ["Content-Type"] = "application/json",
        });
        var response = await _server.Anonymous(version: null).PostAsync("/xapi/statements?method=PUT", form);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/xapi/statements?statementId={id}")).StatusCode);
    }

    [Fact]
    public async Task Alternate_request_syntax_is_refused_in_2_0()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["X-Experience-API-Version"] = "2.0.0" });
        var response = await _server.Client("2.0.0").PostAsync("/xapi/statements?method=GET", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Missing_version_header_is_answered_as_2_0_0()
    {
        var response = await _server.Client(version: null!).GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    [Theory]
    [InlineData("1.0.3", "/xapi/statements?statementId=8f87ccde-bb56-4c2e-ab83-44982ef22df0")]
    [InlineData("2.0.0", "/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&stateId=none")]
    [InlineData("1.0.3", "/xapi/activities?activityId=http%3A%2F%2Fexample.com%2Funknown")]
    [InlineData(null, "/xapi/statements")]
    [InlineData(null, "/xapi/about")]
    public async Task Consistent_through_header_is_on_every_xapi_response(string? version, string path)
    {
        var client = version is null ? _server.Anonymous(version: null) : _server.Client(version);
        var response = await client.GetAsync(path);
        Assert.True(DateTimeOffset.TryParse(response.Headers.GetValues("X-Experience-API-Consistent-Through").Single(), out _), $"{response.StatusCode}");
    }

    [Theory]
    [InlineData("limit=-1")]
    [InlineData("limit=ten")]
    [InlineData("format=full")]
    [InlineData("ascending=yes")]
    [InlineData("since=yesterday")]
    [InlineData("registration=abc")]
    [InlineData("verb=completed")]
    [InlineData("agent=%7B%22name%22%3A%22no%20identifier%22%7D")]
    [InlineData("more=not-a-token")]
    public async Task Bad_query_parameter_value_is_400(string query)
    {
        var response = await _server.Client().GetAsync("/xapi/statements?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Version_2_request_is_answered_with_version_2_header()
    {
        var response = await _server.Client("2.0.0").GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("X-Experience-API-Version").Single());
    }
}

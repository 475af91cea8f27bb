using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TrainingLrs.Lrs.Tests;

/// <summary>State, Activity Profile and Agent Profile: ETags, preconditions, merge, lists.</summary>
public sealed class DocumentsTests : IAsyncLifetime
{
    private static readonly string _activity = Uri.EscapeDataString("http://example.com/activities/1");
    private static readonly string _agent = Xapi.AgentParameter("learner@example.com");
    private LrsServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LrsServer.StartAsync();
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string State(string id) => $"/xapi/activities/state?activityId={_activity}&agent={_agent}&stateId={id}";

    // A profile PUT creating a document, with the If-None-Match: * that 1.0.x requires.
    private async Task<HttpResponseMessage> CreateAsync(string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Xapi.Json(json) };
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task State_put_then_get_returns_content_type_quoted_etag_and_last_modified()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync(State("bookmark"), new StringContent("page-3", Encoding.UTF8, "text/plain"))).StatusCode);
        var get = await _client.GetAsync(State("bookmark"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("page-3", await get.Content.ReadAsStringAsync());
        Assert.StartsWith("text/plain", get.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("\"", get.Headers.ETag!.Tag);
        Assert.NotNull(get.Content.Headers.LastModified);
    }

    [Fact]
    public async Task State_post_merges_json_objects()
    {
        await _client.PostAsync(State("progress"), Xapi.Json("""{"a":1,"b":1}"""));
        await _client.PostAsync(State("progress"), Xapi.Json("""{"b":2,"c":3}"""));
        var merged = await (await _client.GetAsync(State("progress"))).ReadJsonAsync();
        Assert.Equal(1, merged["a"]!.GetValue<int>());
        Assert.Equal(2, merged["b"]!.GetValue<int>());
        Assert.Equal(3, merged["c"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_merge_into_non_json_document_is_400()
    {
        await _client.PutAsync(State("text"), new StringContent("plain", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync(State("text"), Xapi.Json("""{"a":1}"""))).StatusCode);
    }

    [Theory]
    [InlineData("/xapi/activities/state?activityId={activity}&agent={agent}&stateId=s1", "1")]
    [InlineData("/xapi/activities/profile?activityId={activity}&profileId=p1", "true")]
    [InlineData("/xapi/agents/profile?agent={agent}&profileId=p1", "1")]
    public async Task Post_of_a_non_json_body_creates_a_missing_document_as_sent(string template, string body)
    {
        var path = template.Replace("{activity}", _activity).Replace("{agent}", _agent);
        var post = await _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True(post.StatusCode == HttpStatusCode.NoContent, await post.Content.ReadAsStringAsync());
        var get = await _client.GetAsync(path);
        Assert.Equal(body, await get.Content.ReadAsStringAsync());
        Assert.StartsWith("application/x-www-form-urlencoded", get.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Post_of_a_non_object_onto_an_existing_json_document_is_400()
    {
        await _client.PostAsync(State("progress"), Xapi.Json("""{"a":1}"""));
        var post = await _client.PostAsync(State("progress"), new StringContent("abc", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(1, (await (await _client.GetAsync(State("progress"))).ReadJsonAsync())["a"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_merge_into_a_stored_json_array_is_400_not_500()
    {
        await _client.PutAsync(State("list"), Xapi.Json("[1,2]"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync(State("list"), Xapi.Json("""{"a":1}"""))).StatusCode);
    }

    [Fact]
    public async Task Get_of_one_document_ignores_since_but_rejects_a_malformed_one()
    {
        await _client.PutAsync(State("bookmark"), Xapi.Json("""{"page":3}"""));
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"));
        var get = await _client.GetAsync(State("bookmark") + "&since=" + since);
        Assert.True(get.StatusCode == HttpStatusCode.OK, await get.Content.ReadAsStringAsync());
        Assert.Equal(3, (await get.ReadJsonAsync())["page"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(State("bookmark") + "&since=not-a-timestamp")).StatusCode);
    }

    [Fact]
    public async Task State_list_and_delete_all()
    {
        await _client.PutAsync(State("one"), Xapi.Json("{}"));
        await _client.PutAsync(State("two"), Xapi.Json("{}"));
        var list = await (await _client.GetAsync($"/xapi/activities/state?activityId={_activity}&agent={_agent}")).ReadJsonAsync();
        Assert.Equal(["one", "two"], list.AsArray().Select(i => i!.GetValue<string>()).Order());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/xapi/activities/state?activityId={_activity}&agent={_agent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(State("one"))).StatusCode);
    }

    [Fact]
    public async Task State_since_lists_only_newer_documents()
    {
        await _client.PutAsync(State("old"), Xapi.Json("{}"));
        await Task.Delay(30);
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("o"));
        await Task.Delay(30);
        await _client.PutAsync(State("new"), Xapi.Json("{}"));
        var list = await (await _client.GetAsync($"/xapi/activities/state?activityId={_activity}&agent={_agent}&since={since}")).ReadJsonAsync();
        Assert.Equal(["new"], list.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task Profile_put_over_existing_document_without_precondition_is_409()
    {
        var url = $"/xapi/activities/profile?activityId={_activity}&profileId=p1";
        Assert.Equal(HttpStatusCode.NoContent, (await CreateAsync(url, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PutAsync(url, Xapi.Json("{\"x\":1}"))).StatusCode);
    }

    [Theory]
    [InlineData("/xapi/activities/profile?activityId={activity}&profileId=new")]
    [InlineData("/xapi/agents/profile?agent={agent}&profileId=new")]
    public async Task Profile_put_of_a_new_document_without_precondition_is_400_in_1_0_3_and_created_in_2_0(string template)
    {
        var url = template.Replace("{activity}", _activity).Replace("{agent}", _agent);
        var v1 = await _client.PutAsync(url, Xapi.Json("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, v1.StatusCode);
        Assert.Contains("If-None-Match", await v1.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _server.Client("2.0.0").PutAsync(url, Xapi.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task If_match_with_the_current_etag_succeeds_and_a_stale_one_is_412()
    {
        var url = $"/xapi/agents/profile?agent={_agent}&profileId=p1";
        await CreateAsync(url, "{\"v\":1}");
        var etag = (await _client.GetAsync(url)).Headers.ETag!.Tag;

        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Xapi.Json("{\"v\":2}") };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(stale)).StatusCode);

        using var current = new HttpRequestMessage(HttpMethod.Put, url) { Content = Xapi.Json("{\"v\":3}") };
        current.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(current)).StatusCode);
    }

    [Fact]
    public async Task If_none_match_star_on_existing_document_is_412()
    {
        var url = $"/xapi/agents/profile?agent={_agent}&profileId=p2";
        await CreateAsync(url, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Xapi.Json("{}") };
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Missing_required_parameters_are_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/xapi/activities/state?agent={_agent}&stateId=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PutAsync($"/xapi/activities/state?activityId={_activity}&agent={_agent}", Xapi.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/xapi/activities/state?activityId={_activity}&agent=%7Bbad&stateId=x")).StatusCode);
    }

    [Fact]
    public async Task Agents_resource_returns_a_person()
    {
        var person = await (await _client.GetAsync($"/xapi/agents?agent={_agent}")).ReadJsonAsync();
        Assert.Equal("Person", person["objectType"]!.GetValue<string>());
        Assert.Equal("mailto:learner@example.com", person["mbox"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task State_put_over_existing_document_without_precondition_is_allowed_in_1_0_3_and_409_in_2_0()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync(State("v1"), Xapi.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync(State("v1"), Xapi.Json("{\"x\":1}"))).StatusCode);

        var v2 = _server.Client("2.0.0");
        Assert.Equal(HttpStatusCode.NoContent, (await v2.PutAsync(State("v2"), Xapi.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await v2.PutAsync(State("v2"), Xapi.Json("{\"x\":1}"))).StatusCode);
    }

    [Fact]
    public async Task Delete_with_stale_if_match_is_412_and_keeps_the_document()
    {
        var url = $"/xapi/activities/profile?activityId={_activity}&profileId=keep";
        await CreateAsync(url, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>
/// Documents in partner spaces: a partner-bound credential reaches only its partner's documents, an
/// unbound one only the unscoped space, erasure reaches all of them, and documents stored before spaces
/// existed are adopted only by the partner whose statements name the learner.
/// </summary>
public sealed class DocumentIsolationTests : IAsyncLifetime
{
    private static readonly string _activity = Uri.EscapeDataString(Xapi.Activity);
    private static readonly string _agent = Xapi.AgentParameter("learner@example.com");
    private static readonly string _stateList = $"/xapi/activities/state?activityId={_activity}&agent={_agent}";
    private static readonly string _profile = $"/xapi/agents/profile?agent={_agent}&profileId=prefs";
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string State(string id) => $"{_stateList}&stateId={id}";

    /// <summary>A lesson package's key: write-only for statements, bound to the partner.</summary>
    private HttpClient LessonKey(string partner) => _server.Client(partnerId: partner, scopes: [Scopes.StatementsWrite, Scopes.State]);

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string[]> ListAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ReadJsonAsync()).AsArray().Select(i => i!.GetValue<string>()).Order().ToArray();

    // Every PUT here creates its document: If-None-Match: * as 1.0.x requires of a profile PUT.
    private static async Task PutAsync(HttpClient client, string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Xapi.Json(json) };
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Turns every stored document into one written before partner spaces existed (no space fields).</summary>
    private void MakeEveryDocumentLegacy()
    {
        var documents = _server.Services.GetRequiredService<LrsDatabase>().Database.GetCollection("documents");
        foreach (var document in documents.FindAll().ToList())
        {
            document.Remove("sp");
            document.Remove("p");
            documents.Update(document);
        }
    }

    [Fact]
    public async Task Partner_lesson_key_cannot_read_list_overwrite_or_delete_another_partners_state()
    {
        var acme = LessonKey("acme");
        var globex = LessonKey("globex");
        await PutAsync(acme, State("bookmark"), """{"page":3}""");

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync(State("bookmark"))).StatusCode);
        Assert.Empty(await ListAsync(globex, _stateList));
        await PutAsync(globex, State("bookmark"), """{"page":9}""");
        Assert.Equal(HttpStatusCode.NoContent, (await globex.DeleteAsync(State("bookmark"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await globex.DeleteAsync(_stateList)).StatusCode);

        Assert.Equal("""{"page":3}""", await BodyAsync(await acme.GetAsync(State("bookmark"))));
        Assert.Equal(["bookmark"], await ListAsync(acme, _stateList));
    }

    [Fact]
    public async Task Partner_key_cannot_read_list_overwrite_or_delete_another_partners_agent_profile()
    {
        var acme = _server.Client(partnerId: "acme");
        var globex = _server.Client(partnerId: "globex");
        await PutAsync(acme, _profile, """{"theme":"dark"}""");

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync(_profile)).StatusCode);
        Assert.Empty(await ListAsync(globex, $"/xapi/agents/profile?agent={_agent}"));
        // A profile PUT over an existing document needs a precondition: globex sees none, so none is needed.
        await PutAsync(globex, _profile, """{"theme":"light"}""");
        Assert.Equal(HttpStatusCode.NoContent, (await globex.DeleteAsync(_profile)).StatusCode);

        Assert.Equal("""{"theme":"dark"}""", await BodyAsync(await acme.GetAsync(_profile)));
    }

    [Fact]
    public async Task Same_ids_under_two_partners_are_independent_documents_with_their_own_etags()
    {
        var acme = _server.Client(partnerId: "acme");
        var globex = _server.Client(partnerId: "globex");
        await acme.PostAsync(State("progress"), Xapi.Json("""{"a":1}"""));
        var acmeTag = (await acme.GetAsync(State("progress"))).Headers.ETag!.Tag;

        using var create = new HttpRequestMessage(HttpMethod.Put, State("progress")) { Content = Xapi.Json("""{"b":2}""") };
        create.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NoContent, (await globex.SendAsync(create)).StatusCode);
        using var foreignTag = new HttpRequestMessage(HttpMethod.Put, State("progress")) { Content = Xapi.Json("""{"c":3}""") };
        foreignTag.Headers.IfMatch.Add(new EntityTagHeaderValue(acmeTag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await globex.SendAsync(foreignTag)).StatusCode);
        await globex.PostAsync(State("progress"), Xapi.Json("""{"d":4}"""));

        Assert.Equal("""{"a":1}""", await BodyAsync(await acme.GetAsync(State("progress"))));
        Assert.Equal("""{"b":2,"d":4}""", await BodyAsync(await globex.GetAsync(State("progress"))));
        Assert.Equal(acmeTag, (await acme.GetAsync(State("progress"))).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Unbound_key_works_in_the_unscoped_space_and_never_sees_partner_documents()
    {
        var admin = _server.Client();
        var acme = LessonKey("acme");
        // Statements naming the learner would let acme adopt a legacy document, but not this one.
        await acme.PostStatementsAsync(Xapi.Statement());
        await PutAsync(admin, State("shared"), """{"by":"admin"}""");
        await PutAsync(acme, State("own"), """{"by":"acme"}""");

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(State("shared"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(State("own"))).StatusCode);
        Assert.Equal(["shared"], await ListAsync(admin, _stateList));
        Assert.Equal(["own"], await ListAsync(acme, _stateList));
        Assert.Equal("""{"by":"admin"}""", await BodyAsync(await admin.GetAsync(State("shared"))));
    }

    [Fact]
    public async Task Erase_removes_the_agents_documents_in_every_space()
    {
        var acme = _server.Client(partnerId: "acme");
        var globex = _server.Client(partnerId: "globex");
        var admin = _server.Client();
        await PutAsync(acme, State("s"), "{}");
        await PutAsync(acme, _profile, "{}");
        await PutAsync(globex, State("s"), "{}");
        await PutAsync(admin, State("s"), "{}");
        await PutAsync(acme, $"/xapi/activities/state?activityId={_activity}&agent={Xapi.AgentParameter("kept@example.com")}&stateId=s", "{}");

        var body = new JsonObject { ["agent"] = new JsonObject { ["mbox"] = "mailto:learner@example.com" } };
        var erased = await (await _server.Client(scopes: Scopes.Admin).PostAsync("/admin/privacy/erase", Xapi.Json(body))).ReadJsonAsync();

        Assert.Equal(4, erased["documents"]!.GetValue<int>());
        foreach (var client in new[] { acme, globex, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(State("s"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(_profile)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/xapi/activities/state?activityId={_activity}&agent={Xapi.AgentParameter("kept@example.com")}&stateId=s")).StatusCode);
    }

    [Fact]
    public async Task Legacy_state_is_resumed_by_the_partner_whose_statements_name_the_learner_and_then_is_only_its()
    {
        var admin = _server.Client();
        var acme = LessonKey("acme");
        var globex = LessonKey("globex");
        await PutAsync(admin, State("bookmark"), """{"page":3}""");
        await PutAsync(admin, State("answers"), """{"q1":"b"}""");
        var legacyTag = (await admin.GetAsync(State("bookmark"))).Headers.ETag!.Tag;
        await acme.PostStatementsAsync(Xapi.Statement());
        MakeEveryDocumentLegacy();

        // globex has no statement naming the learner: nothing for it, and its DELETE leaves the legacy document.
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync(State("bookmark"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await globex.DeleteAsync(_stateList)).StatusCode);

        // acme's learner resumes: same content and ETag, and a conditional write over it works.
        var resumed = await acme.GetAsync(State("bookmark"));
        Assert.Equal("""{"page":3}""", await BodyAsync(resumed));
        Assert.Equal(legacyTag, resumed.Headers.ETag!.Tag);
        using var next = new HttpRequestMessage(HttpMethod.Put, State("bookmark")) { Content = Xapi.Json("""{"page":4}""") };
        next.Headers.IfMatch.Add(new EntityTagHeaderValue(legacyTag));
        Assert.Equal(HttpStatusCode.NoContent, (await acme.SendAsync(next)).StatusCode);
        Assert.Equal(["answers", "bookmark"], await ListAsync(acme, _stateList));

        // Adopted documents left the unscoped space, so no other partner, even with statements of its own, gets them.
        await globex.PostStatementsAsync(Xapi.Statement());
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync(State("answers"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(State("answers"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await acme.DeleteAsync(State("answers"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(State("answers"))).StatusCode);
    }

    [Fact]
    public async Task Legacy_documents_stay_out_of_reach_of_a_partner_without_statements_about_that_learner_and_activity()
    {
        var admin = _server.Client();
        var acme = _server.Client(partnerId: "acme");
        await PutAsync(admin, State("bookmark"), """{"page":3}""");
        await PutAsync(admin, _profile, """{"theme":"dark"}""");
        var activityProfile = $"/xapi/activities/profile?activityId={_activity}&profileId=p";
        await PutAsync(admin, activityProfile, "{}");
        // acme's statements name the learner, but about another activity; and another learner on this one.
        await acme.PostStatementsAsync(Xapi.Statement(activity: "http://example.com/activities/other"), Xapi.Statement("someone@example.com"));
        MakeEveryDocumentLegacy();

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(State("bookmark"))).StatusCode);
        Assert.Empty(await ListAsync(acme, _stateList));
        // Activity profiles belong to no learner: never adopted.
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(activityProfile)).StatusCode);
        // An agent profile needs only the learner: acme's statements name them, so it is acme's.
        Assert.Equal("""{"theme":"dark"}""", await BodyAsync(await acme.GetAsync(_profile)));

        Assert.Equal("""{"page":3}""", await BodyAsync(await admin.GetAsync(State("bookmark"))));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(activityProfile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(_profile)).StatusCode);
    }
}

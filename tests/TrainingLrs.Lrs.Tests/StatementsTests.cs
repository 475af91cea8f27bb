using System.Net;
using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Tests;

public sealed class StatementsTests : IAsyncLifetime
{
    private LrsServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LrsServer.StartAsync();
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Put_statement_then_get_it_back_with_stored_authority_and_version_set_by_the_lrs()
    {
        var id = Guid.NewGuid().ToString();
        var put = await _client.PutAsync($"/xapi/statements?statementId={id}", Xapi.Json(Xapi.Statement()));
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        Assert.Equal("1.0.3", put.Headers.GetValues("X-Experience-API-Version").Single());

        var get = await _client.GetAsync($"/xapi/statements?statementId={id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True(get.Headers.Contains("X-Experience-API-Consistent-Through"));
        var statement = await get.ReadJsonAsync();
        Assert.Equal(id, statement["id"]!.GetValue<string>());
        Assert.NotNull(statement["stored"]);
        Assert.NotNull(statement["timestamp"]);
        Assert.Equal("1.0.0", statement["version"]!.GetValue<string>());
        Assert.Equal("Agent", statement["authority"]!["objectType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_array_returns_ids_in_order_and_generates_missing_ids()
    {
        var given = Guid.NewGuid().ToString();
        var ids = await _client.PostStatementsAsync(Xapi.Statement(id: given), Xapi.Statement());
        Assert.Equal(2, ids.Length);
        Assert.Equal(given, ids[0]);
        Assert.True(Guid.TryParse(ids[1], out _));
    }

    [Fact]
    public async Task Re_put_of_identical_statement_is_204_and_of_different_one_is_409()
    {
        var id = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync($"/xapi/statements?statementId={id}", Xapi.Json(Xapi.Statement()))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync($"/xapi/statements?statementId={id}", Xapi.Json(Xapi.Statement()))).StatusCode);
        var conflict = await _client.PutAsync($"/xapi/statements?statementId={id}", Xapi.Json(Xapi.Statement("other@example.com")));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Post_of_a_stored_statement_is_409_in_1_0_3_and_stores_nothing_else_of_the_batch()
    {
        var stored = Xapi.Statement(id: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutAsync($"/xapi/statements?statementId={stored["id"]}", Xapi.Json(stored))).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync("/xapi/statements", Xapi.Json(stored))).StatusCode);
        var fresh = Guid.NewGuid().ToString();
        var batch = await _client.PostAsync("/xapi/statements", Xapi.Json(new JsonArray(Xapi.Statement(id: fresh), stored.DeepClone())));
        Assert.Equal(HttpStatusCode.Conflict, batch.StatusCode);
        Assert.Contains((string)stored["id"]!, await batch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi/statements?statementId={fresh}")).StatusCode);
    }

    [Fact]
    public async Task Post_of_a_stored_statement_in_2_0_answers_its_id_and_stores_it_once()
    {
        var client = _server.Client("2.0.0");
        var id = Guid.NewGuid().ToString();
        var statement = Xapi.Statement(id: id);
        Assert.Equal([id], await client.PostStatementsAsync(statement));
        Assert.Equal([id], await client.PostStatementsAsync(statement));
        var page = await (await client.GetAsync("/xapi/statements?agent=" + Xapi.AgentParameter("learner@example.com") + "&limit=100")).ReadJsonAsync();
        Assert.Single(page["statements"]!.AsArray(), s => (string)s!["id"]! == id);
    }

    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task Get_of_statements_answers_exactly_application_json(string version)
    {
        var client = _server.Client(version);
        var id = (await client.PostStatementsAsync(Xapi.Statement()))[0];
        foreach (var query in new[] { $"?statementId={id}", "?limit=1" })
        {
            var response = await client.GetAsync("/xapi/statements" + query);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        }
    }

    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task Re_put_differing_only_in_duration_beyond_hundredths_is_204_and_in_hundredths_is_409(string version)
    {
        var id = Guid.NewGuid().ToString();
        async Task<HttpStatusCode> Put(string duration)
        {
            var statement = Xapi.Statement();
            statement["result"] = new JsonObject { ["duration"] = duration };
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/xapi/statements?statementId={id}") { Content = Xapi.Json(statement) };
            request.Headers.Add("X-Experience-API-Version", version);
            return (await _client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.NoContent, await Put("P1DT12H36M0.12S"));
        Assert.Equal(HttpStatusCode.NoContent, await Put("P1DT12H36M0.1237S"));
        Assert.Equal(HttpStatusCode.NoContent, await Put("P1DT12H36M0.120S"));
        Assert.Equal(HttpStatusCode.Conflict, await Put("P1DT12H36M0.13S"));
    }

    [Fact]
    public async Task Batch_with_one_invalid_statement_stores_nothing()
    {
        var good = Guid.NewGuid().ToString();
        var bad = Xapi.Statement();
        bad["verb"]!["id"] = "not an iri";
        var response = await _client.PostAsync("/xapi/statements", Xapi.Json(new JsonArray(Xapi.Statement(id: good), bad)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statements[1].verb.id", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi/statements?statementId={good}")).StatusCode);
    }

    [Fact]
    public async Task Batch_with_a_conflicting_statement_stores_nothing()
    {
        var existing = Guid.NewGuid().ToString();
        await _client.PostStatementsAsync(Xapi.Statement(id: existing));
        var fresh = Guid.NewGuid().ToString();
        var response = await _client.PostAsync("/xapi/statements",
            Xapi.Json(new JsonArray(Xapi.Statement(id: fresh), Xapi.Statement("changed@example.com", id: existing))));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi/statements?statementId={fresh}")).StatusCode);
    }

    [Fact]
    public async Task Batch_with_the_same_id_twice_is_rejected()
    {
        var id = Guid.NewGuid().ToString();
        var response = await _client.PostAsync("/xapi/statements", Xapi.Json(new JsonArray(Xapi.Statement(id: id), Xapi.Statement(id: id))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Voided_statement_leaves_queries_but_stays_retrievable_by_voidedStatementId()
    {
        var target = Guid.NewGuid().ToString();
        await _client.PostStatementsAsync(Xapi.Statement(id: target));
        var voiding = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target };
        var voidingId = (await _client.PostStatementsAsync(voiding))[0];

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi/statements?statementId={target}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/xapi/statements?voidedStatementId={target}")).StatusCode);
        var all = await (await _client.GetAsync("/xapi/statements")).ReadJsonAsync();
        var ids = all["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToArray();
        Assert.DoesNotContain(target, ids);
        Assert.Contains(voidingId, ids);

        // A statement referring to the voided one matches the activity filter through its target.
        var byActivity = await (await _client.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(Xapi.Activity)}")).ReadJsonAsync();
        Assert.Contains(voidingId, byActivity["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Voiding_a_voiding_statement_is_rejected()
    {
        var target = Guid.NewGuid().ToString();
        await _client.PostStatementsAsync(Xapi.Statement(id: target));
        var voiding = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target };
        var voidingId = (await _client.PostStatementsAsync(voiding))[0];
        var again = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        again["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = voidingId };
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/xapi/statements", Xapi.Json(again))).StatusCode);
    }

    [Fact]
    public async Task Filters_by_agent_verb_activity_and_registration_return_only_matches()
    {
        var registration = Guid.NewGuid().ToString();
        var withRegistration = Xapi.Statement("a@example.com", activity: "http://example.com/act/a");
        withRegistration["context"] = new JsonObject { ["registration"] = registration };
        var a = (await _client.PostStatementsAsync(withRegistration))[0];
        var b = (await _client.PostStatementsAsync(Xapi.Statement("b@example.com", verb: "http://example.com/verbs/tried", activity: "http://example.com/act/b")))[0];

        async Task<string[]> Ids(string query) =>
            (await (await _client.GetAsync("/xapi/statements?" + query)).ReadJsonAsync())["statements"]!.AsArray()
                .Select(s => s!["id"]!.GetValue<string>()).ToArray();

        Assert.Equal([a], await Ids("agent=" + Xapi.AgentParameter("a@example.com")));
        Assert.Equal([b], await Ids("verb=" + Uri.EscapeDataString("http://example.com/verbs/tried")));
        Assert.Equal([b], await Ids("activity=" + Uri.EscapeDataString("http://example.com/act/b")));
        Assert.Equal([a], await Ids("registration=" + registration));
        Assert.Empty(await Ids("agent=" + Xapi.AgentParameter("a@example.com") + "&verb=" + Uri.EscapeDataString("http://example.com/verbs/tried")));
    }

    [Fact]
    public async Task Related_activities_and_related_agents_widen_the_filters()
    {
        var statement = Xapi.Statement("learner@example.com");
        statement["context"] = new JsonObject
        {
            ["instructor"] = new JsonObject { ["mbox"] = "mailto:teacher@example.com" },
            ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = "http://example.com/course" }) },
        };
        var id = (await _client.PostStatementsAsync(statement))[0];
        var course = Uri.EscapeDataString("http://example.com/course");

        var narrow = await (await _client.GetAsync($"/xapi/statements?activity={course}")).ReadJsonAsync();
        Assert.Empty(narrow["statements"]!.AsArray());
        var wide = await (await _client.GetAsync($"/xapi/statements?activity={course}&related_activities=true")).ReadJsonAsync();
        Assert.Equal(id, wide["statements"]![0]!["id"]!.GetValue<string>());

        var teacher = Xapi.AgentParameter("teacher@example.com");
        Assert.Empty((await (await _client.GetAsync($"/xapi/statements?agent={teacher}")).ReadJsonAsync())["statements"]!.AsArray());
        Assert.Single((await (await _client.GetAsync($"/xapi/statements?agent={teacher}&related_agents=true")).ReadJsonAsync())["statements"]!.AsArray());
    }

    [Fact]
    public async Task More_links_page_through_everything_once_even_while_new_statements_arrive()
    {
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            posted.AddRange(await _client.PostStatementsAsync(Xapi.Statement(), Xapi.Statement()));
        }

        var seen = new List<string>();
        var url = "/xapi/statements?limit=3";
        while (url.Length > 0)
        {
            var page = await (await _client.GetAsync(url)).ReadJsonAsync();
            seen.AddRange(page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            url = page["more"]!.GetValue<string>();
            await _client.PostStatementsAsync(Xapi.Statement());
        }

        Assert.Equal(posted.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Ascending_and_since_until_follow_stored_order()
    {
        var first = (await _client.PostStatementsAsync(Xapi.Statement()))[0];
        await Task.Delay(20);
        var second = (await _client.PostStatementsAsync(Xapi.Statement()))[0];
        var stored = (await (await _client.GetAsync($"/xapi/statements?statementId={first}")).ReadJsonAsync())["stored"]!.GetValue<string>();

        var ascending = await (await _client.GetAsync("/xapi/statements?ascending=true")).ReadJsonAsync();
        Assert.Equal(first, ascending["statements"]![0]!["id"]!.GetValue<string>());
        var since = await (await _client.GetAsync($"/xapi/statements?since={Uri.EscapeDataString(stored)}")).ReadJsonAsync();
        Assert.Equal([second], since["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        var until = await (await _client.GetAsync($"/xapi/statements?until={Uri.EscapeDataString(stored)}")).ReadJsonAsync();
        Assert.Equal([first], until["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ids_format_keeps_only_identifiers_and_canonical_picks_the_accepted_language()
    {
        var statement = Xapi.Statement();
        statement["verb"]!["display"] = new JsonObject { ["en-US"] = "completed", ["fr-FR"] = "terminé" };
        statement["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "Lesson", ["fr-FR"] = "Leçon" } };
        var id = (await _client.PostStatementsAsync(statement))[0];

        var ids = await (await _client.GetAsync($"/xapi/statements?statementId={id}&format=ids")).ReadJsonAsync();
        Assert.Null(ids["actor"]!["name"]);
        Assert.Null(ids["verb"]!["display"]);
        Assert.Null(ids["object"]!["definition"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/xapi/statements?statementId={id}&format=canonical");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");
        var canonical = await (await _client.SendAsync(request)).ReadJsonAsync();
        Assert.Equal("{\"fr-FR\":\"terminé\"}", canonical["verb"]!["display"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("Leçon", canonical["object"]!["definition"]!["name"]!["fr-FR"]!.GetValue<string>());
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        await _client.PostStatementsAsync(Xapi.Statement());
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi/statements"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.True(head.Headers.Contains("X-Experience-API-Consistent-Through"));
    }

    [Fact]
    public async Task Activity_definitions_from_statements_are_served_by_the_activities_resource()
    {
        var statement = Xapi.Statement(activity: "http://example.com/act/defined");
        statement["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "Defined" } };
        await _client.PostStatementsAsync(statement);
        var activity = await (await _client.GetAsync("/xapi/activities?activityId=" + Uri.EscapeDataString("http://example.com/act/defined"))).ReadJsonAsync();
        Assert.Equal("Defined", activity["definition"]!["name"]!["en-US"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task Empty_activity_definition_is_accepted_and_keeps_the_known_definition(string version)
    {
        var client = _server.Client(version);
        var defined = Xapi.Statement(activity: "http://example.com/act/kept");
        defined["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "Kept" } };
        await client.PostStatementsAsync(defined);
        var empty = Xapi.Statement(activity: "http://example.com/act/kept");
        empty["object"]!["definition"] = new JsonObject();
        await client.PostStatementsAsync(empty);
        var activity = await (await client.GetAsync("/xapi/activities?activityId=" + Uri.EscapeDataString("http://example.com/act/kept"))).ReadJsonAsync();
        Assert.Equal("Kept", activity["definition"]!["name"]!["en-US"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statement_id_other_params_with_statementId_are_rejected()
    {
        var response = await _client.GetAsync($"/xapi/statements?statementId={Guid.NewGuid()}&verb={Uri.EscapeDataString(Xapi.Verb)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Attachments_true_answers_multipart_even_without_attachments()
    {
        var id = (await _client.PostStatementsAsync(Xapi.Statement()))[0];
        var response = await _client.GetAsync($"/xapi/statements?statementId={id}&attachments=true");
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Ids_format_keeps_the_members_of_an_anonymous_group()
    {
        var statement = Xapi.Statement();
        statement["actor"] = JsonNode.Parse("""{"objectType":"Group","name":"g","member":[{"name":"A","mbox":"mailto:a@example.com"}]}""");
        var id = (await _client.PostStatementsAsync(statement))[0];
        var ids = await (await _client.GetAsync($"/xapi/statements?statementId={id}&format=ids")).ReadJsonAsync();
        Assert.Null(ids["actor"]!["name"]);
        Assert.Equal("mailto:a@example.com", ids["actor"]!["member"]![0]!["mbox"]!.GetValue<string>());
        Assert.Null(ids["actor"]!["member"]![0]!["name"]);
    }

    [Fact]
    public async Task Ids_format_reduces_activities_to_their_id_alone()
    {
        var statement = Xapi.Statement();
        statement["object"] = JsonNode.Parse("""
            {"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},
             "object":{"objectType":"Activity","id":"http://example.com/a","definition":{"name":{"en-US":"A"}}},
             "context":{"contextActivities":{"parent":[{"objectType":"Activity","id":"http://example.com/p"}]}}}
            """);
        statement["context"] = JsonNode.Parse("""{"contextActivities":{"category":[{"objectType":"Activity","id":"http://example.com/c"}]}}""");
        var id = (await _client.PostStatementsAsync(statement))[0];

        var ids = await (await _client.GetAsync($"/xapi/statements?statementId={id}&format=ids")).ReadJsonAsync();

        Assert.Equal("""{"id":"http://example.com/a"}""", ids["object"]!["object"]!.ToJsonString());
        Assert.Equal("""{"id":"http://example.com/p"}""", ids["object"]!["context"]!["contextActivities"]!["parent"]![0]!.ToJsonString());
        Assert.Equal("""{"id":"http://example.com/c"}""", ids["context"]!["contextActivities"]!["category"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Authority_sent_by_the_client_is_replaced_by_the_credentials_own()
    {
        var statement = Xapi.Statement();
        statement["authority"] = JsonNode.Parse("""{"mbox":"mailto:impostor@example.com"}""");
        var id = (await _client.PostStatementsAsync(statement))[0];
        var stored = await (await _client.GetAsync($"/xapi/statements?statementId={id}")).ReadJsonAsync();
        Assert.Null(stored["authority"]!["mbox"]);
        Assert.NotNull(stored["authority"]!["account"]);
    }
}

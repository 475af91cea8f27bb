using System.Net;
using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Every MUST the LRS checks on a statement: a 400 whose message names the field.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> BadStatements => new()
    {
        // name, JSON merged over a valid statement (null removes), field named in the message
        { "id not a UUID", """{"id":"not-a-uuid"}""", "statement.id" },
        { "unknown top-level property", """{"color":"blue"}""", "statement.color" },
        { "wrong case property", """{"Verb":{"id":"http://example.com/v"}}""", "statement.Verb" },
        { "actor missing", """{"actor":null}""", "statement.actor" },
        { "actor with two identifiers", """{"actor":{"mbox":"mailto:a@example.com","openid":"http://example.com/a"}}""", "statement.actor" },
        { "mbox without mailto", """{"actor":{"mbox":"a@example.com"}}""", "statement.actor.mbox" },
        { "bad mbox_sha1sum", """{"actor":{"mbox_sha1sum":"xyz"}}""", "statement.actor.mbox_sha1sum" },
        { "account without homePage", """{"actor":{"account":{"name":"x"}}}""", "statement.actor.account.homePage" },
        { "objectType wrong case", """{"actor":{"objectType":"agent","mbox":"mailto:a@example.com"}}""", "statement.actor.objectType" },
        { "anonymous group without members", """{"actor":{"objectType":"Group"}}""", "statement.actor.member" },
        { "group member that is a group", """{"actor":{"objectType":"Group","member":[{"objectType":"Group","mbox":"mailto:g@example.com"}]}}""", "statement.actor.member[0].objectType" },
        { "verb id not an IRI", """{"verb":{"id":"completed"}}""", "statement.verb.id" },
        { "bad language tag", """{"verb":{"id":"http://example.com/v","display":{"en_US":"x"}}}""", "statement.verb.display" },
        { "language map value not a string", """{"verb":{"id":"http://example.com/v","display":{"en-US":5}}}""", "statement.verb.display.en-US" },
        { "activity id not an IRI", """{"object":{"id":"lesson 1"}}""", "statement.object.id" },
        { "unknown interactionType", """{"object":{"id":"http://example.com/a","definition":{"interactionType":"essay"}}}""", "statement.object.definition.interactionType" },
        { "choices on a true-false", """{"object":{"id":"http://example.com/a","definition":{"interactionType":"true-false","choices":[{"id":"a"}]}}}""", "statement.object.definition.choices" },
        { "duplicate component ids", """{"object":{"id":"http://example.com/a","definition":{"interactionType":"choice","choices":[{"id":"a"},{"id":"a"}]}}}""", "statement.object.definition.choices[1].id" },
        { "empty context activities", """{"context":{"contextActivities":{}}}""", "statement.context.contextActivities" },
        { "extension key not an IRI", """{"object":{"id":"http://example.com/a","definition":{"extensions":{"color":1}}}}""", "statement.object.definition.extensions" },
        { "agent object without objectType", """{"object":{"mbox":"mailto:a@example.com"}}""", "statement.object" },
        { "statement ref id not a UUID", """{"object":{"objectType":"StatementRef","id":"x"}}""", "statement.object.id" },
        { "substatement with id", """{"object":{"objectType":"SubStatement","id":"8f87ccde-bb56-4c2e-ab83-44982ef22df0","actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a"}}}""", "statement.object.id" },
        { "nested substatement", """{"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a"}}}}""", "statement.object.object.objectType" },
        { "voided verb without StatementRef", """{"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"}}""", "statement.object" },
        { "scaled score above 1", """{"result":{"score":{"scaled":1.5}}}""", "statement.result.score.scaled" },
        { "raw score outside min and max", """{"result":{"score":{"raw":11,"min":0,"max":10}}}""", "statement.result.score.raw" },
        { "success not boolean", """{"result":{"success":"yes"}}""", "statement.result.success" },
        { "bad duration", """{"result":{"duration":"1 hour"}}""", "statement.result.duration" },
        { "registration not a UUID", """{"context":{"registration":"abc"}}""", "statement.context.registration" },
        { "revision with an agent object", """{"object":{"objectType":"Agent","mbox":"mailto:b@example.com"},"context":{"revision":"1"}}""", "statement.context.revision" },
        { "team not a group", """{"context":{"team":{"mbox":"mailto:a@example.com"}}}""", "statement.context.team" },
        { "contextAgents in 1.0.3", """{"context":{"contextAgents":[]}}""", "statement.context.contextAgents" },
        { "bad timestamp", """{"timestamp":"yesterday"}""", "statement.timestamp" },
        { "timestamp with unknown offset", """{"timestamp":"2024-01-01T10:00:00-00:00"}""", "statement.timestamp" },
        { "version not 1.0.x", """{"version":"2.0.0"}""", "statement.version" },
        { "attachment without sha2", """{"attachments":[{"usageType":"http://example.com/u","display":{"en-US":"a"},"contentType":"text/plain","length":1,"fileUrl":"http://example.com/f"}]}""", "statement.attachments[0].sha2" },
        { "group authority with three members", """{"authority":{"objectType":"Group","member":[{"mbox":"mailto:a@example.com"},{"mbox":"mailto:b@example.com"},{"mbox":"mailto:c@example.com"}]}}""", "statement.authority.member" },
        { "context activities not a list in 2.0 style object key", """{"context":{"contextActivities":{"uncle":[]}}}""", "statement.context.contextActivities.uncle" },
        { "null value", """{"result":{"response":null}}""", "statement.result.response" },
    };

    [Theory]
    [MemberData(nameof(BadStatements))]
    public async Task Invalid_statement_is_rejected_with_400_naming_the_field(string name, string patch, string field)
    {
        var statement = Xapi.Statement();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            statement[key] = value?.DeepClone();
        }
        if (patch.Contains("\"actor\":null", StringComparison.Ordinal))
        {
            statement.Remove("actor");
        }

        var response = await _server.Client().PostAsync("/xapi/statements", Xapi.Json(statement));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1.0.3")]
    [InlineData("2.0.0")]
    public async Task Single_context_activity_object_is_accepted_and_returned_as_an_array(string version)
    {
        var statement = Xapi.Statement();
        statement["context"] = JsonNode.Parse("""{"contextActivities":{"parent":{"id":"http://example.com/course"}}}""");
        statement["object"] = JsonNode.Parse("""
            {"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"},
             "object":{"id":"http://example.com/a"},"context":{"contextActivities":{"grouping":{"id":"http://example.com/program"}}}}
            """);
        var client = _server.Client(version);

        var post = await client.PostAsync("/xapi/statements", Xapi.Json(statement));

        Assert.True(post.StatusCode == HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        var id = (await post.ReadJsonAsync())[0]!.GetValue<string>();
        var stored = await (await client.GetAsync($"/xapi/statements?statementId={id}")).ReadJsonAsync();
        Assert.Equal("http://example.com/course", stored["context"]!["contextActivities"]!["parent"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal("http://example.com/program", stored["object"]!["context"]!["contextActivities"]!["grouping"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"verb":{"id":"http://example.com/v","display":{}}}""", "statement.verb.display")]
    [InlineData("""{"object":{"id":"http://example.com/a","definition":{"name":{}}}}""", "statement.object.definition.name")]
    [InlineData("""{"object":{"id":"http://example.com/a","definition":{"description":{}}}}""", "statement.object.definition.description")]
    [InlineData("""{"attachments":[{"usageType":"http://example.com/u","display":{},"contentType":"text/plain","length":1,"sha2":"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a","fileUrl":"http://example.com/f"}]}""", "statement.attachments[0].display")]
    public async Task Empty_language_map_is_rejected(string patch, string field)
    {
        var response = await PostPatchedAsync(patch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("zh-z-aaa-z-bbb-c-ccc")]
    [InlineData("ar-a-aaa-b-bbb-a-ccc")]
    [InlineData("de-DE-1901-1901")]
    public async Task Language_tag_repeating_a_singleton_or_variant_is_rejected(string tag)
    {
        var response = await PostPatchedAsync(new JsonObject
        {
            ["object"] = new JsonObject { ["id"] = "http://example.com/a", ["definition"] = new JsonObject { ["name"] = new JsonObject { [tag] = "x" } } },
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statement.object.definition.name", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("sl-rozaj-biske")]
    [InlineData("de-CH-1901")]
    [InlineData("en-a-bbb-x-a-ccc")]
    [InlineData("i-enochian")]
    public async Task Language_tag_with_distinct_variants_and_extensions_is_accepted(string tag)
    {
        var response = await PostPatchedAsync(new JsonObject
        {
            ["verb"] = new JsonObject { ["id"] = "http://example.com/v", ["display"] = new JsonObject { [tag] = "x" } },
        }.ToJsonString());

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"mbox":"mailto:group@example.com"}""")]
    [InlineData("""{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"}""")]
    [InlineData("""{"openid":"http://openid.example.org/12345"}""")]
    [InlineData("""{"account":{"homePage":"http://www.example.com","name":"group"}}""")]
    public async Task Identified_group_as_authority_is_rejected(string identifier)
    {
        var authority = JsonNode.Parse("""{"objectType":"Group","member":[{"account":{"homePage":"http://example.com/oauth","name":"consumer"}},{"mbox":"mailto:bob@example.com"}]}""")!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(identifier)!.AsObject())
        {
            authority[key] = value?.DeepClone();
        }
        var response = await PostPatchedAsync(new JsonObject { ["authority"] = authority }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statement.authority", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_group_of_two_as_authority_is_accepted()
    {
        var response = await PostPatchedAsync("""{"authority":{"objectType":"Group","member":[{"account":{"homePage":"http://example.com/oauth","name":"consumer"}},{"mbox":"mailto:bob@example.com"}]}}""");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.9")]
    public async Task Statement_version_1_0_or_1_0_x_is_accepted(string version)
    {
        var response = await PostPatchedAsync(new JsonObject { ["version"] = version }.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("2.0.0", "2008-09-15 15:53:00.601+00:00", HttpStatusCode.OK)]
    [InlineData("2.0.0", "2008-09-15t15:53:00.601Z", HttpStatusCode.OK)]
    [InlineData("2.0.0", "2008-09-15 15:53:00.601-00:00", HttpStatusCode.BadRequest)]
    [InlineData("2.0.0", "2008-09-15 15:53:00.601-0000", HttpStatusCode.BadRequest)]
    [InlineData("2.0.0", "2008-09-15 15:53:00.601-00", HttpStatusCode.BadRequest)]
    [InlineData("1.0.3", "2008-09-15 15:53:00.601+00:00", HttpStatusCode.BadRequest)]
    public async Task Rfc3339_space_separated_timestamp_is_accepted_in_2_0_only(string version, string timestamp, HttpStatusCode expected)
    {
        var response = await PostPatchedAsync(new JsonObject { ["timestamp"] = timestamp }.ToJsonString(), version);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("P4W", HttpStatusCode.OK)]
    [InlineData("P3Y1M29DT4H35M59.14S", HttpStatusCode.OK)]
    [InlineData("PT16559.14S", HttpStatusCode.OK)]
    [InlineData("P4W1D", HttpStatusCode.BadRequest)]
    [InlineData("P1Y4W", HttpStatusCode.BadRequest)]
    [InlineData("P4WT1H", HttpStatusCode.BadRequest)]
    public async Task Duration_in_weeks_must_stand_alone(string duration, HttpStatusCode expected)
    {
        var response = await PostPatchedAsync(new JsonObject { ["result"] = new JsonObject { ["duration"] = duration } }.ToJsonString(), "2.0.0");
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> PostPatchedAsync(string patch, string version = "1.0.3")
    {
        var statement = Xapi.Statement();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            statement[key] = value?.DeepClone();
        }
        return await _server.Client(version).PostAsync("/xapi/statements", Xapi.Json(statement));
    }

    [Fact]
    public async Task Context_agents_are_accepted_in_2_0()
    {
        var statement = Xapi.Statement();
        statement["context"] = JsonNode.Parse("""{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:t@example.com"},"relevantTypes":["http://example.com/t"]}]}""");
        var response = await _server.Client("2.0.0").PostAsync("/xapi/statements", Xapi.Json(statement));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    [Fact]
    public async Task Full_featured_valid_statement_is_accepted()
    {
        var statement = JsonNode.Parse("""
        {
          "actor": {"objectType":"Group","name":"team","member":[{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"},{"account":{"homePage":"http://example.com","name":"x"}}]},
          "verb": {"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered","zh-Hant-TW":"x"}},
          "object": {"id":"http://example.com/q1","definition":{"type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"matching",
             "correctResponsesPattern":["a[.]1"],"source":[{"id":"a","description":{"en":"A"}}],"target":[{"id":"1"}],"extensions":{"http://example.com/ext":{"any":[1,null]}}}},
          "result": {"score":{"scaled":0.5,"raw":5,"min":0,"max":10},"success":true,"completion":true,"response":"a[.]1","duration":"PT1M30.5S"},
          "context": {"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7","instructor":{"openid":"http://example.com/i"},"platform":"web","language":"en-GB",
             "contextActivities":{"parent":{"id":"http://example.com/course"}},"statement":{"objectType":"StatementRef","id":"ec531277-b57b-4c15-8d91-d292c5b2b8f7"}},
          "timestamp": "2024-03-01T10:00:00.123+01:00"
        }
        """)!;
        var response = await _server.Client().PostAsync("/xapi/statements", Xapi.Json(statement));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

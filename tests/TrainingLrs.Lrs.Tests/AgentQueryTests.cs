using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Queries by agent, whose key rows carry the statement: they must follow voiding and late references.</summary>
public sealed class AgentQueryTests : IAsyncLifetime
{
    private const string Learner = "ana@example.com";
    private LrsServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LrsServer.StartAsync();
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string[]> IdsForAgentAsync(string email = Learner, string extra = "")
    {
        var page = await (await _client.GetAsync($"/xapi/statements?agent={Xapi.AgentParameter(email)}{extra}")).ReadJsonAsync();
        return page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order().ToArray();
    }

    private static JsonObject Voiding(string targetId)
    {
        var voiding = Xapi.Statement("admin@example.com", "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        return voiding;
    }

    [Fact]
    public async Task A_voided_statement_leaves_the_agents_results_whether_voided_later_or_in_the_same_batch()
    {
        var kept = (await _client.PostStatementsAsync(Xapi.Statement(Learner)))[0];
        var voidedLater = (await _client.PostStatementsAsync(Xapi.Statement(Learner)))[0];
        var voidingLater = (await _client.PostStatementsAsync(Voiding(voidedLater)))[0];
        var voidedInBatch = Guid.NewGuid().ToString();
        var voidingInBatch = (await _client.PostStatementsAsync(Xapi.Statement(Learner, id: voidedInBatch), Voiding(voidedInBatch)))[1];

        // The voiding statements match through their StatementRef; the voided ones are gone.
        Assert.Equal(new[] { kept, voidingLater, voidingInBatch }.Order(), await IdsForAgentAsync());
    }

    [Fact]
    public async Task A_reference_stored_before_its_target_matches_the_targets_agent_with_its_own_content()
    {
        var targetId = Guid.NewGuid().ToString();
        var comment = Xapi.Statement("coach@example.com", "http://adlnet.gov/expapi/verbs/commented");
        comment["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        var commentId = (await _client.PostStatementsAsync(comment))[0];

        await _client.PostStatementsAsync(Xapi.Statement(Learner, id: targetId));

        Assert.Equal(new[] { commentId, targetId }.Order(), await IdsForAgentAsync());
        var page = await (await _client.GetAsync($"/xapi/statements?agent={Xapi.AgentParameter(Learner)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/commented")}")).ReadJsonAsync();
        Assert.Equal("mailto:coach@example.com", page["statements"]![0]!["actor"]!["mbox"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agent_rows_written_before_they_carried_the_statement_are_still_answered()
    {
        var first = (await _client.PostStatementsAsync(Xapi.Statement(Learner)))[0];
        var second = (await _client.PostStatementsAsync(Xapi.Statement(Learner)))[0];
        // Turn the first statement's agent row into the older, bare form.
        var database = _server.Services.GetRequiredService<LrsDatabase>().Database;
        var keys = database.GetCollection(LiteDbStatementStore.Keys);
        var agentKey = StatementKeys.Make(StatementKeys.Agent, "mbox:mailto:" + Learner);
        var row = keys.Find(Parameterized.Expression("$._id BETWEEN @0 AND @1", agentKey + LiteDbStatementStore.Hex(0), agentKey + LiteDbStatementStore.Hex(long.MaxValue)))
            .OrderBy(r => r["_id"].AsString, StringComparer.Ordinal).First();
        Assert.True(row.ContainsKey("j"));
        keys.Update(new BsonDocument { ["_id"] = row["_id"] });

        Assert.Equal(new[] { first, second }.Order(), await IdsForAgentAsync());
        var voiding = (await _client.PostStatementsAsync(Voiding(first)))[0];
        Assert.Equal(new[] { second, voiding }.Order(), await IdsForAgentAsync());
    }
}

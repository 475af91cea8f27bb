using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Query filters reach statements that refer to a matching statement, whichever arrived first.</summary>
public sealed class StatementRefTests : IAsyncLifetime
{
    private const string Commented = "http://adlnet.gov/expapi/verbs/commented";
    private const string Lesson = "http://example.com/activities/late-lesson";
    private LrsServer _server = null!;

    public async Task InitializeAsync() => _server = await LrsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static JsonObject ReferenceTo(string targetId)
    {
        var statement = Xapi.Statement("coach@example.com", Commented);
        statement["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        return statement;
    }

    private async Task<string[]> IdsForActivityAsync()
    {
        var page = await (await _server.Client().GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(Lesson)}")).ReadJsonAsync();
        return page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order().ToArray();
    }

    [Fact]
    public async Task A_reference_stored_before_its_target_matches_the_targets_activity_once_the_target_arrives()
    {
        var targetId = Guid.NewGuid().ToString();
        var client = _server.Client();
        var referenceId = (await client.PostStatementsAsync(ReferenceTo(targetId)))[0];
        Assert.Empty(await IdsForActivityAsync());

        await client.PostStatementsAsync(Xapi.Statement(activity: Lesson, id: targetId));

        Assert.Equal(new[] { referenceId, targetId }.Order(), await IdsForActivityAsync());
    }

    [Fact]
    public async Task A_reference_ahead_of_its_target_in_the_same_batch_matches_the_targets_activity()
    {
        var targetId = Guid.NewGuid().ToString();
        var ids = await _server.Client().PostStatementsAsync(ReferenceTo(targetId), Xapi.Statement(activity: Lesson, id: targetId));

        Assert.Equal(ids.Order(), await IdsForActivityAsync());
    }

    [Fact]
    public async Task A_reference_to_a_statement_that_never_arrives_matches_only_its_own_filters()
    {
        var referenceId = (await _server.Client().PostStatementsAsync(ReferenceTo(Guid.NewGuid().ToString())))[0];
        await _server.Client().PostStatementsAsync(Xapi.Statement(activity: Lesson));

        var byVerb = await (await _server.Client().GetAsync($"/xapi/statements?verb={Uri.EscapeDataString(Commented)}")).ReadJsonAsync();
        Assert.Equal(referenceId, byVerb["statements"]![0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(referenceId, await IdsForActivityAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_statement_voided_before_it_arrived_is_stored_voided(bool sameBatch)
    {
        var targetId = Guid.NewGuid().ToString();
        var voiding = Xapi.Statement("admin@example.com", "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        var client = _server.Client();
        string voidingId;
        if (sameBatch)
        {
            voidingId = (await client.PostStatementsAsync(voiding, Xapi.Statement(activity: Lesson, id: targetId)))[0];
        }
        else
        {
            voidingId = (await client.PostStatementsAsync(voiding))[0];
            await client.PostStatementsAsync(Xapi.Statement(activity: Lesson, id: targetId));
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/xapi/statements?statementId={targetId}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/xapi/statements?voidedStatementId={targetId}")).StatusCode);
        Assert.Equal([voidingId], await IdsForActivityAsync());
    }
}

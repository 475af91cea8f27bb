using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>The hook the completion projection will use: every stored batch, inside the writer's transaction.</summary>
public sealed class ObserverTests : IAsyncLifetime
{
    private readonly RecordingObserver _observer = new();
    private LrsServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LrsServer.StartAsync(configure: services => services.AddSingleton<IStatementWriteObserver>(_observer));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Observer_sees_each_stored_batch_with_partner_and_voiding_target()
    {
        var client = _server.Client(partnerId: "acme");
        string[] ids = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        await client.PostStatementsAsync(Xapi.Statement(id: ids[0]), Xapi.Statement(id: ids[1]));
        var voiding = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided", id: Guid.NewGuid().ToString());
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = ids[0] };
        await client.PostStatementsAsync(voiding);

        Assert.Equal(2, _observer.Batches.Count);
        Assert.Equal(ids, _observer.Batches.First().Select(s => s.Id));
        Assert.All(_observer.Batches.SelectMany(b => b), s => Assert.Equal("acme", s.PartnerId));
        Assert.Equal(ids[0], _observer.Batches.Last().Single().VoidedStatementId);
    }

    [Fact]
    public async Task A_statement_voided_before_it_arrived_is_not_reported_to_the_observer()
    {
        var client = _server.Client();
        var targetId = Guid.NewGuid().ToString();
        var voiding = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        await client.PostStatementsAsync(voiding);

        await client.PostStatementsAsync(Xapi.Statement(id: targetId));

        Assert.DoesNotContain(targetId, _observer.Batches.SelectMany(b => b).Select(s => s.Id));
    }

    [Fact]
    public async Task Observer_is_not_called_for_a_refused_batch()
    {
        var bad = Xapi.Statement();
        bad["verb"] = new JsonObject { ["id"] = "nope" };
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client().PostAsync("/xapi/statements", Xapi.Json(new JsonArray(Xapi.Statement(), bad)))).StatusCode);
        Assert.Empty(_observer.Batches);
    }

    private sealed class RecordingObserver : IStatementWriteObserver
    {
        public ConcurrentQueue<IReadOnlyList<StoredStatement>> Batches { get; } = new();

        public void OnStatementsStored(IReadOnlyList<StoredStatement> statements) => Batches.Enqueue(statements);
    }
}

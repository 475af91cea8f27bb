using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Benchmarks.Lrs;

/// <summary>
/// The LRS speed and memory targets, each HTTP figure next to the raw LiteDB figure for the same
/// documents measured in the same run:
/// batched POST (100 per request, 8 clients) vs InsertBulk; single POST vs one-by-one inserts;
/// GET p95 and RSS with a large store generated directly into LiteDB.
/// </summary>
internal static class LrsBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var statements = Option(args, "--statements", 20_000);
        var singles = Option(args, "--singles", 5_000);
        var stored = Option(args, "--stored", 1_000_000);
        Console.WriteLine($"LRS benchmarks: {statements:N0} batched, {singles:N0} single, GET at {stored:N0} stored ({Environment.ProcessorCount} cores)");

        var batchedRaw = RawInsertBulk(statements);
        var batchedHttp = await HttpWorkload.PostAsync(statements, perRequest: 100, clients: 8);
        Report("batched POST (100/request, 8 clients) vs raw InsertBulk", batchedHttp, batchedRaw, 0.60);

        var batchedFsync = await HttpWorkload.PostAsync(statements, perRequest: 100, clients: 8, fsync: true);
        Report("batched POST with FlushToDiskBeforeAcknowledging vs raw InsertBulk (no fsync)", batchedFsync, batchedRaw, 0.60);

        var singleRaw = RawOneByOne(singles);
        var singleHttp = await HttpWorkload.PostAsync(singles, perRequest: 1, clients: 8);
        Report("single POST (8 clients) vs raw one-by-one Insert", singleHttp, singleRaw, 0.40);
        var singleSequential = await HttpWorkload.PostAsync(Math.Min(singles, 2_000), perRequest: 1, clients: 1);
        Report("single POST (1 client, sequential) vs raw one-by-one Insert", singleSequential, singleRaw, 0.40);
        var singleFsync = await HttpWorkload.PostAsync(singles, perRequest: 1, clients: 8, fsync: true);
        Report("single POST (8 clients) with FlushToDiskBeforeAcknowledging vs raw one-by-one Insert (no fsync)", singleFsync, singleRaw, 0.40);

        if (stored > 0)
        {
            await HttpWorkload.QueryAsync(stored);
        }
        return 0;
    }

    private static void Report(string name, double httpRate, double rawRate, double target)
    {
        var ratio = httpRate / rawRate;
        Console.WriteLine($"{name}: {httpRate:N0}/s vs {rawRate:N0}/s = {ratio:P0} (target >= {target:P0}) {(ratio >= target ? "PASS" : "MISS")}");
    }

    /// <summary>Raw LiteDB: the stored documents (statement + key rows), 100 per InsertBulk transaction.</summary>
    private static double RawInsertBulk(int count)
    {
        using var world = RawWorld.Create();
        var prepared = Enumerable.Range(0, count).Select(i => StatementFactory.Prepared(StatementFactory.Json(i))).ToArray();
        var watch = Stopwatch.StartNew();
        foreach (var chunk in prepared.Chunk(100))
        {
            var documents = chunk.Select(p => world.Documents(p)).ToArray();
            world.Database.BeginTrans();
            world.Database.GetCollection(LiteDbStatementStore.Statements).InsertBulk(documents.Select(d => d.Statement));
            world.Database.GetCollection(LiteDbStatementStore.Keys).InsertBulk(documents.SelectMany(d => d.Keys));
            world.Database.Commit();
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Raw LiteDB: one transaction per statement.</summary>
    private static double RawOneByOne(int count)
    {
        using var world = RawWorld.Create();
        var prepared = Enumerable.Range(0, count).Select(i => StatementFactory.Prepared(StatementFactory.Json(i))).ToArray();
        var watch = Stopwatch.StartNew();
        foreach (var statement in prepared)
        {
            var (document, keys) = world.Documents(statement);
            world.Database.BeginTrans();
            world.Database.GetCollection(LiteDbStatementStore.Statements).Insert(document);
            world.Database.GetCollection(LiteDbStatementStore.Keys).InsertBulk(keys);
            world.Database.Commit();
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A fresh database with the LRS's collections and indexes, written without the LRS.</summary>
    private sealed class RawWorld : IDisposable
    {
        private readonly LrsDatabase _database;
        private readonly LiteDbWriter _writer;
        private readonly string _folder;
        private readonly LiteDbStatementStore _store;

        private RawWorld(string folder)
        {
            _folder = folder;
            _database = LrsDatabase.Open(folder);
            _writer = new LiteDbWriter(_database, false, NullLogger<LiteDbWriter>.Instance);
            _store = new LiteDbStatementStore(_database, _writer, []);
        }

        public LiteDatabase Database => _database.Database;

        public static RawWorld Create() => new(Path.Combine(Path.GetTempPath(), "lrs-bench", Guid.NewGuid().ToString("N")));

        public (BsonDocument Statement, List<BsonDocument> Keys) Documents(TrainingLrs.Lrs.Statements.PreparedStatement statement)
        {
            var (sequence, storedMs) = _store.NextPosition();
            return StatementWriteJob.ToDocuments(statement, statement.Keys, sequence, storedMs, StatementFactory.Credential.PartnerId, StatementFactory.Credential.Key);
        }

        public void Dispose()
        {
            _writer.Dispose();
            _database.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

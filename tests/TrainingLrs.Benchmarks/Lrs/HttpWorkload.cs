using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Benchmarks.Lrs;

/// <summary>The LRS over real HTTP: an in-process Kestrel server on loopback with a fresh LiteDB file.</summary>
internal static class HttpWorkload
{
    /// <summary>Posts <paramref name="count"/> statements and returns statements per second.</summary>
    public static async Task<double> PostAsync(int count, int perRequest, int clients, bool fsync = false)
    {
        await using var server = await Server.StartAsync(null, fsync);
        var bodies = Enumerable.Range(0, count).Select(StatementFactory.Json).Chunk(perRequest)
            .Select(chunk => perRequest == 1 ? chunk[0].ToJsonString() : new JsonArray(chunk.Select(s => (JsonNode)s).ToArray()).ToJsonString())
            .ToArray();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var response = await server.Client.PostAsync("/xapi/statements", new StringContent(bodies[i], Encoding.UTF8, "application/json"));
                response.EnsureSuccessStatusCode();
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Fills a store directly, then measures GET latency per filter and memory in a fresh child process
    /// (so that the figure is the server's, not the generator's).
    /// </summary>
    public static async Task QueryAsync(int stored)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lrs-bench", Guid.NewGuid().ToString("N"));
        var watch = Stopwatch.StartNew();
        Fill(folder, stored);
        Console.WriteLine($"generated {stored:N0} statements directly into LiteDB in {watch.Elapsed.TotalSeconds:N0} s ({new FileInfo(Path.Combine(folder, LrsDatabase.FileName)).Length / 1e6:N0} MB)");

        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HttpWorkload).Assembly.Location);
        }
        foreach (var argument in new[] { "lrs-get", folder, stored.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Generates a store into <paramref name="folder"/> and keeps it, for repeated <c>lrs-get</c> runs.</summary>
    public static int FillOnly(string folder, int stored)
    {
        var watch = Stopwatch.StartNew();
        Fill(folder, stored);
        Console.WriteLine($"generated {stored:N0} statements into {folder} in {watch.Elapsed.TotalSeconds:N0} s");
        return 0;
    }

    /// <summary>The child process: serve the filled store and measure GETs and RSS.</summary>
    public static async Task<int> MeasureQueriesAsync(string folder, int stored)
    {
        // A server that has been running has its database file in the operating system's cache; right
        // after generating gigabytes that is not so, and the figures would time the disk, not the LRS.
        var warm = Stopwatch.StartNew();
        await using (var file = new FileStream(Path.Combine(folder, LrsDatabase.FileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20))
        {
            var buffer = new byte[1 << 20];
            while (await file.ReadAsync(buffer) > 0)
            {
            }
        }
        Console.WriteLine($"read the database file once into the OS cache in {warm.Elapsed.TotalSeconds:N1} s");

        await using var server = await Server.StartAsync(folder, fsync: false);
        var random = new Random(7);
        var queries = new (string Name, Func<string> Url)[]
        {
            ("agent", () => "/xapi/statements?agent=" + Uri.EscapeDataString($"{{\"mbox\":\"{StatementFactory.Agent(random.Next(StatementFactory.Agents))}\"}}")),
            ("verb", () => "/xapi/statements?verb=" + Uri.EscapeDataString(StatementFactory.Verb(random.Next(StatementFactory.Verbs)))),
            ("activity", () => "/xapi/statements?activity=" + Uri.EscapeDataString(StatementFactory.Activity(random.Next(StatementFactory.Activities)))),
            ("since", () => "/xapi/statements?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-random.Next(1, 60)).ToString("o"))),
            ("agent+verb", () => "/xapi/statements?agent=" + Uri.EscapeDataString($"{{\"mbox\":\"{StatementFactory.Agent(random.Next(StatementFactory.Agents))}\"}}") + "&verb=" + Uri.EscapeDataString(StatementFactory.Verb(random.Next(StatementFactory.Verbs)))),
            ("more page", () => "/xapi/statements?limit=100"),
        };
        foreach (var (name, url) in queries)
        {
            for (var i = 0; i < 100; i++)
            {
                (await server.Client.GetAsync(url())).EnsureSuccessStatusCode();
            }
            var timings = new List<double>();
            var returned = 0;
            for (var i = 0; i < 200; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await server.Client.GetAsync(url());
                var body = await response.Content.ReadAsStringAsync();
                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                returned += JsonNode.Parse(body)!["statements"]!.AsArray().Count;
            }
            timings.Sort();
            Console.WriteLine($"GET by {name} at {stored:N0} (limit 100): p50 {timings[timings.Count / 2]:N1} ms, p95 {timings[(int)(timings.Count * 0.95)]:N1} ms (target <= 20 ms), {returned / 200.0:N0} statements/response");
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"server process RSS after the GET runs at {stored:N0}: {process.WorkingSet64 / 1e6:N0} MB, peak {Peak() / 1e6:N0} MB (target <= 300 MB)");
        return 0;
    }

    private static long Peak()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static void Fill(string folder, int count)
    {
        using var database = LrsDatabase.Open(folder);
        using var writer = new LiteDbWriter(database, false, Microsoft.Extensions.Logging.Abstractions.NullLogger<LiteDbWriter>.Instance);
        var store = new LiteDbStatementStore(database, writer, [], new SpreadClock(count));
        var statements = database.Database.GetCollection(LiteDbStatementStore.Statements);
        var keys = database.Database.GetCollection(LiteDbStatementStore.Keys);
        for (var start = 0; start < count; start += 5_000)
        {
            var chunk = Enumerable.Range(start, Math.Min(5_000, count - start))
                .Select(i =>
                {
                    var prepared = StatementFactory.Prepared(StatementFactory.Json(i));
                    var (sequence, storedMs) = store.NextPosition();
                    return StatementWriteJob.ToDocuments(prepared, prepared.Keys, sequence, storedMs, StatementFactory.Credential.PartnerId, StatementFactory.Credential.Key);
                })
                .ToArray();
            database.Database.BeginTrans();
            statements.InsertBulk(chunk.Select(c => c.Statement));
            keys.InsertBulk(chunk.SelectMany(c => c.Keys));
            database.Database.Commit();
        }
        database.Database.Checkpoint();
    }

    /// <summary>Spreads the generated statements' stored times over the last two hours, as a real day would.</summary>
    private sealed class SpreadClock(int count) : TimeProvider
    {
        private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-2);
        private long _calls;

        public override DateTimeOffset GetUtcNow() =>
            _start.AddMilliseconds(Interlocked.Increment(ref _calls) * (7_200_000.0 / count));
    }

    private sealed class Server : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private LrsDatabase _database = null!;
        private string _folder = "";
        private bool _owned;

        public HttpClient Client { get; private set; } = null!;

        public static async Task<Server> StartAsync(string? folder, bool fsync)
        {
            var server = new Server { _folder = folder ?? Path.Combine(Path.GetTempPath(), "lrs-bench", Guid.NewGuid().ToString("N")), _owned = folder is null };
            server._database = LrsDatabase.Open(server._folder);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(server._database);
            builder.Services.AddXapi(new XapiOptions { FlushToDiskBeforeAcknowledging = fsync });
            server._app = builder.Build();
            server._app.UseAuthentication();
            server._app.UseAuthorization();
            server._app.MapXapi();
            await server._app.StartAsync();
            var issued = server._app.Services.GetRequiredService<ICredentialStore>().Create(new CredentialRequest("bench", [Scopes.All]));
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = new Uri(address) };
            server.Client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
            server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.Credential.Key}:{issued.Secret}")));
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            _database.Dispose();
            if (_owned)
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}

using System.Diagnostics;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;

namespace TrainingLrs.Benchmarks.Reports;

/// <summary>
/// <c>serve --demo</c>'s seeding on its own: the generated programme (a ten-module course, mid-campaign)
/// stored through the real server's LRS writer into a fresh database; reports statements per second.
/// </summary>
public static class DemoSeedBenchmarks
{
    private static async Task Slice(HttpClient http, string name)
    {
        var clock = Stopwatch.StartNew();
        var rows = 0;
        string? next = "/odata/Completions";
        while (next is not null)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(next));
            rows += json.RootElement.GetProperty("value").GetArrayLength();
            next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        Console.WriteLine($"{name}: {rows:N0} rows in {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--partners");
        var partners = at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) ? n : 600;
        const string Base = "https://traininglrs.org/courses/bench/modules/";
        var catalog = DemoSeeder.InProgress(
            new ModuleCatalog([.. Enumerable.Range(1, 10).Select(i => new ModuleInfo($"m{i:00}", $"{Base}m{i:00}", $"Module {i}", MoveOn.CompletedAndPassed, true))]),
            DateTimeOffset.UtcNow);
        var folder = Path.Combine(Path.GetTempPath(), "traininglrs-bench-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var server = await TrainingLrsServer.StartAsync(
                new TrainingLrsSettings { Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = folder } }, catalog: catalog);
            var output = new StringWriter();
            var clock = Stopwatch.StartNew();
            var key = (await DemoSeeder.SeedAsync(server.Services, new DemoOptions(Partners: partners), output, CancellationToken.None))!;
            var elapsed = clock.Elapsed.TotalSeconds;
            Console.Write(output);
            var completions = (ICompletionStore)server.Services.GetService(typeof(ICompletionStore))!;
            var statements = new DemoDataGenerator(new DemoOptions(Partners: partners), catalog, DateTimeOffset.UtcNow).Statements().Count();
            Console.WriteLine($"{partners} partners: {statements:N0} statements, {completions.Count():N0} completion rows in {elapsed:0.0} s: {statements / elapsed:N0} statements/s");

            // What the demo's member sees first: right after seeding, and once the snapshots caught up.
            using var http = new HttpClient { BaseAddress = server.Addresses[0] };
            http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{key.Credential.Key}:{key.Secret}")));
            await Slice(http, "member OData slice right after seeding");
            await Task.Delay(TimeSpan.FromSeconds(20));
            await Slice(http, "member OData slice 20 s later");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

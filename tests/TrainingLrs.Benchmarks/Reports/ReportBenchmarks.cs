using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;

namespace TrainingLrs.Benchmarks.Reports;

/// <summary>
/// Reporting at programme scale: 12 members, 600 partners, 50 learners each, 10 modules: 300,000
/// completion rows. Measures a member's whole OData slice, the full admin CSV export, single-page p95
/// and dashboard render p95 against a real Kestrel server on a real LiteDB file. With
/// <c>--statements N</c> the same file also holds N of the campaign's xAPI statements, written in
/// between the completion rows as a running campaign writes both (see <see cref="CampaignStatements"/>).
/// </summary>
public static class ReportBenchmarks
{
    private const string Base = "https://traininglrs.org/courses/bench/modules/";
    private const int SnapshotSeconds = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var learnersPerPartner = Option(args, "--learners-per-partner", 50);
        var moduleCount = Option(args, "--modules", 10);
        var statementCount = Option(args, "--statements", 0);
        // --keep DIR seeds into DIR once and keeps it: a 10M-statement store takes hours to write, and its
        // figures are worth measuring again on a quiet machine without writing it again.
        var kept = TextOption(args, "--keep");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "traininglrs-bench-reports-" + Guid.NewGuid().ToString("N")[..8]);
        var marker = Path.Combine(folder, "seeded.txt");
        if (kept is not null && Directory.Exists(kept) && Directory.EnumerateFileSystemEntries(kept).Any() && !File.Exists(marker))
        {
            Console.Error.WriteLine($"{kept} holds a store whose seeding never finished; delete it and run again");
            return 2;
        }

        var catalog = new ModuleCatalog(
            [.. Enumerable.Range(1, moduleCount).Select(i => new ModuleInfo($"m{i:00}", $"{Base}m{i:00}", $"Module {i}", MoveOn.CompletedOrPassed, true))],
            campaign: new CampaignInfo(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(30), 10));
        try
        {
            string memberId;
            int rows, statements;
            if (kept is not null && File.Exists(marker))
            {
                var parts = File.ReadAllText(marker).Split(' ');
                (memberId, rows, statements) = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
                Console.WriteLine($"kept store {folder}: {rows:N0} completion rows and {statements:N0} statements; database files {DatabaseBytes(folder) / 1e9:0.00} GB");
                // Read the files once so the figures time the server, not a cold disk.
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    using var stream = File.OpenRead(file);
                    stream.CopyTo(Stream.Null);
                }
            }
            else
            {
                var seed = Stopwatch.StartNew();
                (memberId, rows, statements) = await SeedAsync(folder, catalog, learnersPerPartner, statementCount);
                Console.WriteLine($"seeded {rows:N0} completion rows and {statements:N0} statements in {seed.Elapsed.TotalSeconds:0.0} s; database files {DatabaseBytes(folder) / 1e9:0.00} GB");
                if (kept is not null)
                {
                    File.WriteAllText(marker, string.Create(CultureInfo.InvariantCulture, $"{memberId} {rows} {statements}"));
                }
            }

            // The figures are the server's, not the generator's garbage.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var loadBefore = LoadAverage();

            var started = Stopwatch.StartNew();
            await using var server = await TrainingLrsServer.StartAsync(
                new TrainingLrsSettings
                {
                    Server = new ServerSettings { Urls = "http://127.0.0.1:0", DataDirectory = folder },
                    Reports = new ReportsSettings { SnapshotSeconds = SnapshotSeconds },
                },
                catalog: catalog);
            var credentials = (ICredentialStore)server.Services.GetService(typeof(ICredentialStore))!;
            var member = credentials.Create(new CredentialRequest("bench member", [Scopes.Reports], MemberId: memberId));
            using var http = new HttpClient { BaseAddress = server.Addresses[0], Timeout = TimeSpan.FromMinutes(5) };

            // The server builds every scope's snapshot in the background as it starts; a member's
            // first query after that should cost no more than the steady state (apart from jitting).
            var snapshots = (ReportSnapshots)server.Services.GetService(typeof(ReportSnapshots))!;
            await snapshots.Warmed;
            var warmed = started.Elapsed;
            Console.WriteLine($"start-up warm-up (background) done {warmed.TotalMilliseconds:N0} ms after start");
            var (_, first) = await Measure("member OData slice, first query after start", () => ReadSliceAsync(http, member, "/odata/Completions"));
            var sliceRows = 0;
            var slice = TimeSpan.MaxValue;
            for (var pass = 2; pass <= 5; pass++)
            {
                var (rowsRead, elapsed) = await Measure($"member OData slice, all pages, pass {pass}", () => ReadSliceAsync(http, member, "/odata/Completions"));
                sliceRows = rowsRead;
                slice = elapsed < slice ? elapsed : slice;
            }
            Console.WriteLine($"  steady state (best of passes 2-5): {slice.TotalMilliseconds:N0} ms; first query {first.TotalMilliseconds:N0} ms");
            Console.WriteLine($"  {sliceRows:N0} rows; target ≤ 1 s");

            // A statement arrives: the snapshot is out of date. Requests must not wait for its rebuild,
            // and the rebuilt snapshot must count the statement within the configured lag.
            var ingest = (StatementIngest)server.Services.GetService(typeof(StatementIngest))!;
            var changed = Stopwatch.StartNew();
            var (statement, partnerId) = NewCompletion(catalog, memberId, server);
            await ingest.StoreAsync([statement], new Credential("bench", "bench", [Scopes.StatementsWrite], partnerId, null, DateTimeOffset.UtcNow, null));
            var worst = TimeSpan.Zero;
            var seen = TimeSpan.Zero;
            while (changed.Elapsed < TimeSpan.FromSeconds(SnapshotSeconds * 2))
            {
                var (rowsRead, elapsed) = await Measure(null, () => ReadSliceAsync(http, member, "/odata/Completions"));
                worst = elapsed > worst ? elapsed : worst;
                if (rowsRead > sliceRows)
                {
                    seen = changed.Elapsed;
                    break;
                }
                await Task.Delay(250);
            }
            Console.WriteLine($"after a new completion: slowest slice while the snapshot was rebuilt {worst.TotalMilliseconds:N0} ms; " +
                (seen == TimeSpan.Zero ? "the new row did NOT appear" : $"new row visible after {seen.TotalSeconds:0.0} s") + $" (SnapshotSeconds {SnapshotSeconds})");
            var (exportBytes, export) = await Measure("admin CSV export (all rows)", () => ExportAsync(http, server.FirstAdmin ?? credentials.Create(new CredentialRequest("bench admin", [Scopes.Admin, Scopes.Reports]))));
            Console.WriteLine($"  {exportBytes / 1024.0 / 1024.0:0.0} MiB; target ≤ 15 s");

            var pages = new List<double>();
            var random = new Random(7);
            for (var i = 0; i < 50; i++)
            {
                var skip = random.Next(0, Math.Max(1, sliceRows - 1000));
                var clock = Stopwatch.StartNew();
                await ReadSliceAsync(http, member, $"/odata/Completions?$skip={skip}&$top=1000", followNext: false);
                pages.Add(clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"OData page (1,000 rows) p95: {P95(pages):0} ms (median {Median(pages):0} ms); target ≤ 100 ms");

            var cookie = await SignInAsync(http, member);
            var renders = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var clock = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
                request.Headers.Add("Cookie", cookie);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsStringAsync();
                renders.Add(clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"dashboard render p95: {P95(renders):0} ms (median {Median(renders):0} ms); target ≤ 200 ms");
            var rss = Process.GetCurrentProcess().WorkingSet64;
            Console.WriteLine($"RSS: {rss / 1024 / 1024} MiB");

            Console.WriteLine();
            Console.WriteLine($"{"figure",-52} {"value",12}  target");
            Figure("statements in the database", $"{statements:N0}", "");
            Figure("completion rows", $"{rows:N0}", "");
            Figure("database files (data + log)", $"{DatabaseBytes(folder) / 1e9:0.00} GB", "");
            Figure($"member OData slice, all pages ({sliceRows:N0} rows), best of 4", $"{slice.TotalMilliseconds:N0} ms", "≤ 1,000 ms");
            Figure("start-up warm-up (background), done after", $"{warmed.TotalMilliseconds:N0} ms", "");
            Figure("member OData slice, first query after start", $"{first.TotalMilliseconds:N0} ms", "");
            Figure("admin CSV export (all rows)", $"{export.TotalMilliseconds:N0} ms", "≤ 15,000 ms");
            Figure("OData page (1,000 rows) p95", $"{P95(pages):N0} ms", "≤ 100 ms");
            Figure("dashboard render p95", $"{P95(renders):N0} ms", "≤ 200 ms");
            Figure("process RSS", $"{rss / 1024 / 1024:N0} MiB", "");
            Figure("load average 1/5/15 min, before measuring", loadBefore, "");
            Figure("load average 1/5/15 min, after measuring", LoadAverage(), "");
            return 0;
        }
        finally
        {
            try
            {
                if (kept is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(string MemberId, int Rows, int Statements)> SeedAsync(string folder, ModuleCatalog catalog, int learnersPerPartner, int statementCount)
    {
        using var database = LrsDatabase.Open(folder);
        var now = DateTimeOffset.UtcNow;
        var options = new DemoOptions(LearnersPerPartner: learnersPerPartner);
        var demo = new DemoDataGenerator(options, catalog, now);
        var organisations = new LiteDbOrganisationStore(database);
        organisations.UpsertMembers(demo.Members());
        var partners = demo.Partners();
        organisations.UpsertPartners(partners);

        var completions = new LiteDbCompletionStore(database, catalog);
        await using var statements = CampaignStatements.Open(database, catalog, options, statementCount, now);
        var total = (long)partners.Count * learnersPerPartner * catalog.Modules.Count;
        var written = 0L;
        var at = now.AddDays(-20);
        var batch = new List<ProjectedStatement>(10_000);
        foreach (var partner in partners)
        {
            for (var l = 0; l < learnersPerPartner; l++)
            {
                foreach (var module in catalog.Modules)
                {
                    var id = Guid.NewGuid().ToString();
                    var verb = (l + module.Id.Length) % 3 == 0 ? Verbs.Passed : Verbs.Completed;
                    // The demo's account names, so these rows and the statements are the same learners.
                    var json = $$$"""{"id":"{{{id}}}","actor":{"name":"Learner {{{l}}}","account":{"homePage":"{{{partner.LmsHomePage}}}","name":"{{{partner.Id}}}-{{{l:0000}}}"}},"verb":{"id":"{{{verb}}}"},"object":{"id":"{{{module.ActivityIri}}}"},"result":{"score":{"scaled":0.9}},"timestamp":"{{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}"}""";
                    batch.Add(new ProjectedStatement(id, json, at, partner.Id, null));
                    if (batch.Count == batch.Capacity)
                    {
                        written += batch.Count;
                        await WriteStatementsAsync(statements, statementCount * written / total, folder);
                        ProjectInTransaction(database, completions, batch);
                        batch.Clear();
                    }
                }
            }
        }
        await WriteStatementsAsync(statements, statementCount, folder);
        ProjectInTransaction(database, completions, batch);
        var biggest = organisations.Members().MaxBy(m => organisations.PartnersOf(m.Id).Count)!;
        return (biggest.Id, completions.Count(), statements.Written);
    }

    // A slice of the statements before each batch of completion rows: in the file they lie in between, as in a running campaign.
    private static async Task WriteStatementsAsync(CampaignStatements statements, long until, string folder)
    {
        var before = statements.Written;
        await statements.WriteUntilAsync(until);
        if (statements.Written > before)
        {
            Console.WriteLine($"  {statements.Written:N0} / {statements.Count:N0} statements, {statements.Rate:N0}/s, database files {DatabaseBytes(folder) / 1e9:0.00} GB");
        }
    }

    // The LRS writer runs the projection inside its batch transaction; do the same here.
    private static void ProjectInTransaction(LrsDatabase database, LiteDbCompletionStore completions, List<ProjectedStatement> batch)
    {
        database.Database.BeginTrans();
        completions.Project(batch, _ => null);
        database.Database.Commit();
    }

    private static async Task<int> ReadSliceAsync(HttpClient http, IssuedCredential credential, string path, bool followNext = true)
    {
        var rows = 0;
        string? next = path;
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(next, next.StartsWith("http", StringComparison.Ordinal) ? UriKind.Absolute : UriKind.Relative));
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Credential.Key}:{credential.Secret}")));
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            if (Environment.GetEnvironmentVariable("BENCH_TRACE") is not null)
            {
                Console.WriteLine($"    {clock.Elapsed.TotalMilliseconds:0} ms {next}");
            }
            rows += json.RootElement.GetProperty("value").GetArrayLength();
            next = followNext && json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        return rows;
    }

    private static async Task<long> ExportAsync(HttpClient http, IssuedCredential admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/reports/Completions.csv", UriKind.Relative));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{admin.Credential.Key}:{admin.Secret}")));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        return total;
    }

    private static async Task<string> SignInAsync(HttpClient http, IssuedCredential credential)
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
        using var handlerless = await noRedirects.PostAsync("/dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = credential.Credential.Key,
            ["secret"] = credential.Secret,
        }));
        if (handlerless.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"sign-in failed: {handlerless.StatusCode}");
        }
        return string.Join("; ", handlerless.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    // A completion for a new learner of one of the member's partners.
    private static (string Json, string PartnerId) NewCompletion(ModuleCatalog catalog, string memberId, TrainingLrsServer server)
    {
        var organisations = (IOrganisationStore)server.Services.GetService(typeof(IOrganisationStore))!;
        var partner = organisations.PartnersOf(memberId)[0];
        var at = DateTimeOffset.UtcNow;
        return ($$$"""{"id":"{{{Guid.NewGuid()}}}","actor":{"name":"New learner","account":{"homePage":"{{{partner.LmsHomePage}}}","name":"{{{partner.Id}}}-new-{{{Guid.NewGuid():N}}}"}},"verb":{"id":"{{{Verbs.Completed}}}"},"object":{"id":"{{{catalog.Modules[0].ActivityIri}}}"},"timestamp":"{{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}"}""", partner.Id);
    }

    private static async Task<(T Value, TimeSpan Elapsed)> Measure<T>(string? name, Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var value = await action();
        if (name is not null)
        {
            Console.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:N0} ms");
        }
        return (value, clock.Elapsed);
    }

    private static void Figure(string name, string value, string target) => Console.WriteLine($"{name,-52} {value,12}  {target}");

    private static long DatabaseBytes(string folder) => new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? TextOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}

using System.Text.Json.Nodes;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Configuration;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// Our real server on 127.0.0.1 (another origin than the lesson site), over a database in its own
/// temp folder, with module 1 in its catalogue. It can be stopped and started again on the same
/// address and data to play an outage.
/// </summary>
public sealed class OurLrs : IAsyncDisposable
{
    public const string PartnerId = "lakeside";

    private readonly string _data;
    private readonly Uri _address;
    private bool _running = true;

    private OurLrs(string data, TrainingLrsServer server)
    {
        _data = data;
        Server = server;
        _address = server.Addresses[0];
    }

    public TrainingLrsServer Server { get; private set; }

    public static async Task<OurLrs> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "traininglrs-tests", Guid.NewGuid().ToString("N"));
        return new OurLrs(data, await StartServerAsync("http://127.0.0.1:0", data));
    }

    private static Task<TrainingLrsServer> StartServerAsync(string urls, string data) => TrainingLrsServer.StartAsync(
        new TrainingLrsSettings { Server = new ServerSettings { Urls = urls, DataDirectory = data } },
        catalog: new ModuleCatalog([new ModuleInfo("why-this-matters", LessonSite.ActivityId, "Why this matters", MoveOn.CompletedOrPassed, true)]));

    private T Service<T>() => (T)Server.Services.GetService(typeof(T))!;

    /// <summary>A write-only lesson key of the partner (statements and state), as a partner package carries it.</summary>
    public LrsConnection Connect(Uri? lmsHomePage = null)
    {
        var key = Service<ICredentialStore>().Create(new CredentialRequest("lakeside lessons", [Scopes.StatementsWrite, Scopes.State], PartnerId: PartnerId));
        return new LrsConnection(new Uri(_address, "/xapi/"), key.Credential.Key, key.Secret) { LmsHomePage = lmsHomePage };
    }

    /// <summary>Stops the server: the lesson's requests now fail at the network.</summary>
    public async Task StopAsync()
    {
        _running = false;
        await Server.DisposeAsync();
    }

    /// <summary>Starts the server again on the same address and data.</summary>
    public async Task RestartAsync()
    {
        Server = await StartServerAsync(_address.ToString().TrimEnd('/'), _data);
        _running = true;
    }

    public IReadOnlyList<StoredStatement> Stored() => [.. Service<StatementIngest>().AllActive()];

    /// <summary>The stored statements, in the order of their timestamps (the lesson makes them strictly increasing).</summary>
    public IReadOnlyList<JsonObject> Statements() =>
        [.. Stored().Select(s => JsonNode.Parse(s.Json)!.AsObject()).OrderBy(s => (string)s["timestamp"]!, StringComparer.Ordinal)];

    /// <summary>Waits until a statement with <paramref name="verb"/> (the verb id's last segment) is stored; returns every statement.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string verb, int count = 1, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<JsonObject> statements;
        while ((statements = Statements()).Count(s => Verb(s) == verb) < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.True(statements.Count(s => Verb(s) == verb) >= count, $"timed out waiting for {count} '{verb}' in our LRS");
        return statements;
    }

    /// <summary>The learner's completion row for module 1 once it is satisfied, or what it is after a wait.</summary>
    public async Task<CompletionRow?> CompletionAsync(string homePage, string name)
    {
        var learner = StatementFacts.HashIdentifier($"account:{homePage}|{name}");
        var completions = Service<ICompletionStore>();
        var until = DateTime.UtcNow.AddSeconds(20);
        CompletionRow? row;
        while ((row = completions.Find(learner, "why-this-matters")) is not { Satisfied: true, TimeSpent.Ticks: > 0 } && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return row;
    }

    /// <summary>A State API document as the lesson's own key reads it over HTTP, or null when there is none.</summary>
    public static async Task<string?> StateAsync(LrsConnection connection, JsonObject agent, string stateId)
    {
        using var client = new HttpClient();
        var query = $"activityId={Uri.EscapeDataString(LessonSite.ActivityId)}&agent={Uri.EscapeDataString(agent.ToJsonString())}&stateId={Uri.EscapeDataString(stateId)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connection.Endpoint, "activities/state?" + query));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(connection.Key + ":" + connection.Secret)));
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    public static string Verb(JsonObject statement) => ((string)statement["verb"]!["id"]!).Split('/')[^1];

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}

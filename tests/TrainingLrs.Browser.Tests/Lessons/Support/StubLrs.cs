using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// A stand-in for our LRS at <c>/xapi/</c> until the real one is committed: statements stored once per
/// id (as xAPI requires for a repeated id), the State API, and a switch that makes it answer 503 to
/// play an outage. Every POST is also recorded raw, so tests can see retries.
/// </summary>
public sealed class StubLrs
{
    public const string Auth = "Basic bGtfdGVzdDpzZWNyZXQ=";

    private readonly ConcurrentDictionary<string, string> _state = new();

    /// <summary>Statements by id, first copy kept.</summary>
    public ConcurrentDictionary<string, JsonObject> Stored { get; } = new();

    /// <summary>Ids in the order they were first stored.</summary>
    public ConcurrentQueue<string> Order { get; } = new();

    /// <summary>Every statement id received, repeats included.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public ConcurrentQueue<string> Refusals { get; } = new();

    public volatile bool Available = true;

    public IEnumerable<JsonObject> Statements => Order.Select(id => Stored[id]);

    public string? StateDocument(string stateId) => _state.Where(kv => kv.Key.EndsWith("|" + stateId, StringComparison.Ordinal)).Select(kv => kv.Value).FirstOrDefault();

    public void Map(WebApplication app)
    {
        app.MapPost("/xapi/statements", async (HttpRequest request) =>
        {
            if (Refuse(request) is { } refused)
            {
                return refused;
            }

            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            var list = body is JsonArray array ? array.Select(s => s!.AsObject()).ToList() : [body.AsObject()];
            foreach (var statement in list)
            {
                var id = (string)statement["id"]!;
                Received.Enqueue(id);
                if (Stored.TryAdd(id, (JsonObject)statement.DeepClone()))
                {
                    Order.Enqueue(id);
                }
            }

            return Results.Json(list.Select(s => (string?)s["id"]).ToArray());
        });
        app.MapGet("/xapi/activities/state", (HttpRequest request) =>
            Refuse(request) ?? (_state.TryGetValue(Key(request), out var body) ? Results.Text(body, "application/json") : Results.NotFound()));
        app.MapPut("/xapi/activities/state", async (HttpRequest request) =>
        {
            if (Refuse(request) is { } refused)
            {
                return refused;
            }

            _state[Key(request)] = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.NoContent();
        });
    }

    private IResult? Refuse(HttpRequest request)
    {
        if (!Available)
        {
            return Results.StatusCode(503);
        }

        if (request.Headers.Authorization != Auth || request.Headers["X-Experience-API-Version"] != "1.0.3")
        {
            Refusals.Enqueue($"{request.Method} {request.Path}: '{request.Headers.Authorization}' '{request.Headers["X-Experience-API-Version"]}'");
            return Results.Unauthorized();
        }

        return null;
    }

    private static string Key(HttpRequest request)
    {
        var agent = JsonNode.Parse(request.Query["agent"].ToString())!;
        return $"{request.Query["activityId"]}|{agent["account"]?["name"]}|{request.Query["registration"]}|{request.Query["stateId"]}";
    }

    /// <summary>Points every lrs-config.js of the site at this LRS (the port is only known once the site runs).</summary>
    public void Configure(LessonSite site, string? homePage = null)
    {
        foreach (var file in Directory.EnumerateFiles(site.Root, "lrs-config.js", SearchOption.AllDirectories))
        {
            var format = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))!);
            var lrs = new JsonObject { ["endpoint"] = site.Url("xapi/"), ["auth"] = Auth };
            if (homePage is not null)
            {
                lrs["homePage"] = homePage;
            }

            File.WriteAllText(file, "window.TrainingLrsConfig = " + new JsonObject { ["format"] = format, ["lrs"] = lrs }.ToJsonString() + ";\n");
        }
    }
}

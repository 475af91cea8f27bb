using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// The LMS side of a cmi5 launch, in memory: the one-time fetch URL, the LRS statements and state
/// endpoints it proxies, and a return page. It is the lesson's peer in the tests, not our product, so
/// it records what it was sent and refuses only what the AU must get right (token, version header).
/// </summary>
public sealed class Cmi5Lms
{
    public const string Token = "dGVzdC1sbXM6c2Vzc2lvbi10b2tlbg==";
    public const string Registration = "6f6bd9c1-2b8e-4b0c-9c53-2f5d4c1e8a11";
    public const string SessionId = "session-7d3f";
    public const string PublisherId = "https://traininglrs.org/courses/labor-rights-2026/modules/why-this-matters/publisher";

    private readonly ConcurrentDictionary<string, string> _state = new();
    private int _fetches;

    public Cmi5Lms(string launchMode = "Normal", double masteryScore = 0.8, string moveOn = "CompletedOrPassed")
    {
        LaunchMode = launchMode;
        MasteryScore = masteryScore;
        MoveOn = moveOn;
    }

    /// <summary>The learner's <c>cmi5LearnerPreferences</c> agent profile; null answers 404, as for a learner who set none.</summary>
    public JsonObject? Preferences { get; init; }

    /// <summary>The AU's launchParameters from the course structure, passed on in LMS.LaunchData; null leaves them out.</summary>
    public string? LaunchParameters { get; init; }

    public string LaunchMode { get; }

    public double MasteryScore { get; }

    public string MoveOn { get; }

    public int Fetches => _fetches;

    /// <summary>Every statement, in the order the LRS received them.</summary>
    public ConcurrentQueue<JsonObject> Statements { get; } = new();

    /// <summary>Requests that broke a rule (wrong token, missing version header).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static readonly JsonObject Actor = new()
    {
        ["objectType"] = "Agent",
        ["name"] = "Ana Ruiz",
        ["account"] = new JsonObject { ["homePage"] = "https://lms.lakeside.example", ["name"] = "ana-1024" },
    };

    /// <summary>A lesson site with this LMS mapped on it and, if given, our LRS baked into its packages.</summary>
    public async Task<LessonSite> StartSiteAsync(LrsConnection? lrs = null)
    {
        LessonSite? site = null;
        site = await LessonSite.StartAsync(app => Map(app, () => site!.Address), lrs);
        return site;
    }

    public void Map(WebApplication app, Func<Uri> address)
    {
        app.MapPost("/lms/fetch", () =>
        {
            // cmi5 8.2.3: the fetch URL hands out its token once; a second call is an error.
            return Interlocked.Increment(ref _fetches) == 1
                ? Results.Json(new Dictionary<string, string> { ["auth-token"] = Token })
                : Results.Json(new Dictionary<string, object> { ["error-code"] = "1", ["error-text"] = "already used" });
        });
        app.MapGet("/lms/xapi/activities/state", (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            var key = StateKey(request);
            if (request.Query["stateId"] == "LMS.LaunchData")
            {
                return Results.Text(LaunchData(address()).ToJsonString(), "application/json");
            }

            return _state.TryGetValue(key, out var body) ? Results.Text(body, "application/json") : Results.NotFound();
        });
        app.MapGet("/lms/xapi/agents/profile", (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            return request.Query["profileId"] == "cmi5LearnerPreferences" && Preferences is not null
                && JsonNode.Parse((string?)request.Query["agent"] ?? "null")?.ToJsonString() == Actor.ToJsonString()
                ? Results.Text(Preferences.ToJsonString(), "application/json")
                : Results.NotFound();
        });
        app.MapPut("/lms/xapi/activities/state", async (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            _state[StateKey(request)] = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.NoContent();
        });
        app.MapPost("/lms/xapi/statements", async (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            var list = body is JsonArray array ? array.Select(s => s!.AsObject()).ToList() : [body.AsObject()];
            foreach (var statement in list)
            {
                Statements.Enqueue((JsonObject)statement.DeepClone());
            }

            return Results.Json(list.Select(s => (string?)s["id"]).ToArray());
        });
        app.MapGet("/lms/return", () => Results.Content("<!doctype html><html lang=\"en\"><title>LMS</title><h1>Back in the LMS</h1></html>", "text/html"));
    }

    private bool Authorized(HttpRequest request)
    {
        if (request.Headers.Authorization != "Basic " + Token)
        {
            Refusals.Enqueue($"{request.Method} {request.Path}: Authorization '{request.Headers.Authorization}'");
            return false;
        }

        if (request.Headers["X-Experience-API-Version"] != "1.0.3")
        {
            Refusals.Enqueue($"{request.Method} {request.Path}: X-Experience-API-Version '{request.Headers["X-Experience-API-Version"]}'");
        }

        return true;
    }

    private static string StateKey(HttpRequest request) =>
        $"{request.Query["activityId"]}|{request.Query["registration"]}|{request.Query["stateId"]}";

    /// <summary>Stores a State API document as if an earlier session of this registration had written it.</summary>
    public void SeedState(string stateId, string json) => _state[$"{LessonSite.ActivityId}|{Registration}|{stateId}"] = json;

    /// <summary>The last State API document stored under <paramref name="stateId"/>, or null.</summary>
    public string? State(string stateId) => _state.GetValueOrDefault($"{LessonSite.ActivityId}|{Registration}|{stateId}");

    private JsonObject LaunchData(Uri address)
    {
        var data = new JsonObject
        {
            ["contextTemplate"] = new JsonObject
            {
                ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = PublisherId }) },
                ["extensions"] = new JsonObject { ["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] = SessionId },
            },
            ["launchMode"] = LaunchMode,
            ["masteryScore"] = MasteryScore,
            ["moveOn"] = MoveOn,
            ["returnURL"] = new Uri(address, "lms/return").ToString(),
        };
        if (LaunchParameters is not null)
        {
            data["launchParameters"] = LaunchParameters;
        }

        return data;
    }

    /// <summary>The AU's launch URL with the five cmi5 parameters.</summary>
    /// <param name="site">The site serving the lesson.</param>
    /// <param name="format">The folder the AU is in: <c>cmi5</c> (the package, English only) or <c>web</c> (every edition side by side).</param>
    public static string LaunchUrl(LessonSite site, string format = "cmi5")
    {
        var query = new Dictionary<string, string>
        {
            ["endpoint"] = site.Url("lms/xapi/"),
            ["fetch"] = site.Url("lms/fetch"),
            ["actor"] = Actor.ToJsonString(),
            ["registration"] = Registration,
            ["activityId"] = LessonSite.ActivityId,
        };
        return site.Url(LessonSite.LessonPath(format)) + "?" + string.Join("&", query.Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));
    }

    public static string Verb(JsonObject statement) => ((string)statement["verb"]!["id"]!).Split('/')[^1];

    public static IEnumerable<string> Categories(JsonObject statement) =>
        statement["context"]?["contextActivities"]?["category"]?.AsArray().Select(c => (string)c!["id"]!) ?? [];

    public static string Json(JsonObject statement) => statement.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

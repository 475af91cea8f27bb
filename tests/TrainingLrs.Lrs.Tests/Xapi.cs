using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Tests;

/// <summary>Statement builders and request helpers shared by the tests.</summary>
public static class Xapi
{
    public const string Verb = "http://adlnet.gov/expapi/verbs/completed";
    public const string Activity = "http://example.com/activities/lesson-1";

    public static JsonObject Statement(string email = "learner@example.com", string verb = Verb, string activity = Activity, string? id = null)
    {
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["mbox"] = $"mailto:{email}", ["name"] = "Learner" },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = "completed" } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity },
        };
        if (id is not null)
        {
            statement["id"] = id;
        }
        return statement;
    }

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<string[]> PostStatementsAsync(this HttpClient client, params JsonObject[] statements)
    {
        var response = await client.PostAsync("/xapi/statements", Json(new JsonArray(statements.Select(s => (JsonNode)s.DeepClone()).ToArray())));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode}: {response.Headers} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<string[]>())!;
    }

    public static string AgentParameter(string email) => Uri.EscapeDataString($"{{\"mbox\":\"mailto:{email}\"}}");
}

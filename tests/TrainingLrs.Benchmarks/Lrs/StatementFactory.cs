using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Benchmarks.Lrs;

/// <summary>Deterministic, realistic statements: 10,000 learners, 20 verbs, 1,000 activities, a registration each.</summary>
internal static class StatementFactory
{
    public const int Agents = 10_000;
    public const int Verbs = 20;
    public const int Activities = 1_000;

    public static readonly Credential Credential =
        new("bench-key", "bench", [Scopes.All], "partner-1", null, DateTimeOffset.UtcNow, null);

    public static string Agent(int i) => $"mailto:learner{i}@example.com";

    public static string Verb(int i) => $"http://example.com/verbs/v{i}";

    public static string Activity(int i) => $"http://example.com/courses/c1/lessons/l{i}";

    public static JsonObject Json(int n)
    {
        var random = new Random(n);
        return new JsonObject
        {
            ["id"] = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)) is var g ? g.ToString() : null,
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = $"Learner {n % Agents}", ["mbox"] = Agent(n % Agents) },
            ["verb"] = new JsonObject { ["id"] = Verb(random.Next(Verbs)), ["display"] = new JsonObject { ["en-US"] = "did" } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = Activity(random.Next(Activities)),
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "Lesson" }, ["type"] = "http://adlnet.gov/expapi/activities/lesson" },
            },
            ["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 0.8 }, ["success"] = true, ["completion"] = true, ["duration"] = "PT4M12S" },
            ["context"] = new JsonObject
            {
                ["registration"] = Guid.NewGuid().ToString(),
                ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = "http://example.com/courses/c1" }) },
            },
            ["timestamp"] = "2026-01-01T10:00:00.000Z",
        };
    }

    /// <summary>The same statement as the LRS would store it, for the raw-LiteDB baselines.</summary>
    public static PreparedStatement Prepared(JsonObject statement)
    {
        var copy = (JsonObject)statement.DeepClone();
        copy.Remove("id");
        copy["id"] = statement["id"]!.GetValue<string>();
        return StatementPreparer.Prepare(copy, XapiVersion.V1, Credential, new XapiOptions().AuthorityHomePage);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace TrainingLrs.Reporting.Completion;

/// <summary>
/// What completion needs from one stored statement. Read from the statement JSON the LRS already
/// validated, so a missing piece means "not relevant", never an error.
/// </summary>
/// <param name="StatementId">The statement id.</param>
/// <param name="LearnerId">Opaque learner id: a hash of the actor's identifier (never the e-mail or account name).</param>
/// <param name="LearnerName">The actor's name, if given.</param>
/// <param name="Account">The actor's account (homePage, name), if it is identified by one.</param>
/// <param name="VerbId">The verb IRI.</param>
/// <param name="ObjectId">The object's activity id, or the voided statement id for <c>voided</c>.</param>
/// <param name="ContextActivityIds">Parent and grouping activity ids from the context.</param>
/// <param name="Success">result.success.</param>
/// <param name="ScaledScore">result.score as a fraction 0..1 (scaled, or raw over min..max).</param>
/// <param name="Duration">result.duration.</param>
/// <param name="Timestamp">timestamp, or stored when absent.</param>
public sealed record StatementFacts(
    string StatementId,
    string LearnerId,
    string? LearnerName,
    (string HomePage, string Name)? Account,
    string VerbId,
    string ObjectId,
    IReadOnlyList<string> ContextActivityIds,
    bool? Success,
    double? ScaledScore,
    TimeSpan? Duration,
    DateTimeOffset Timestamp)
{
    /// <summary>Reads a statement; null when it has no Agent actor or no activity/statement-ref object.</summary>
    public static StatementFacts? Read(string statementJson, DateTimeOffset stored)
    {
        using var document = JsonDocument.Parse(statementJson);
        var root = document.RootElement;
        if (!root.TryGetProperty("actor", out var actor) || Text(actor, "objectType") is "Group"
            || LearnerKey(actor) is not { } learnerKey
            || Text(root, "id") is not { } id
            || !root.TryGetProperty("verb", out var verb) || Text(verb, "id") is not { } verbId
            || !root.TryGetProperty("object", out var obj) || Text(obj, "id") is not { } objectId)
        {
            return null;
        }

        var objectType = Text(obj, "objectType") ?? "Activity";
        if (objectType is not ("Activity" or "StatementRef"))
        {
            return null;
        }

        (string, string)? account = actor.TryGetProperty("account", out var a) && Text(a, "homePage") is { } home && Text(a, "name") is { } name
            ? (home, name)
            : null;

        var context = new List<string>();
        if (root.TryGetProperty("context", out var ctx) && ctx.TryGetProperty("contextActivities", out var activities))
        {
            foreach (var kind in new[] { "parent", "grouping" })
            {
                if (activities.TryGetProperty(kind, out var list))
                {
                    foreach (var item in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Repeat(list, 1))
                    {
                        if (Text(item, "id") is { } contextId)
                        {
                            context.Add(contextId);
                        }
                    }
                }
            }
        }

        bool? success = null;
        double? score = null;
        TimeSpan? duration = null;
        if (root.TryGetProperty("result", out var result))
        {
            if (result.TryGetProperty("success", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                success = s.GetBoolean();
            }
            if (result.TryGetProperty("score", out var sc))
            {
                score = Scaled(sc);
            }
            if (Text(result, "duration") is { } d)
            {
                duration = ParseDuration(d);
            }
        }

        var timestamp = Text(root, "timestamp") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : stored;

        return new StatementFacts(id, learnerKey, Text(actor, "name"), account, verbId, objectId, context, success, score, duration, timestamp.ToUniversalTime());
    }

    /// <summary>The opaque learner id for an inverse functional identifier (e.g. <c>account:https://lms|123</c>).</summary>
    public static string HashIdentifier(string identifier) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier)))[..24];

    private static string? LearnerKey(JsonElement actor)
    {
        if (Text(actor, "mbox") is { } mbox)
        {
            return HashIdentifier("mbox:" + mbox.ToLowerInvariant());
        }
        if (Text(actor, "mbox_sha1sum") is { } sha1)
        {
            return HashIdentifier("mbox_sha1sum:" + sha1.ToLowerInvariant());
        }
        if (Text(actor, "openid") is { } openid)
        {
            return HashIdentifier("openid:" + openid);
        }
        if (actor.TryGetProperty("account", out var account) && Text(account, "homePage") is { } home && Text(account, "name") is { } name)
        {
            return HashIdentifier("account:" + home + "|" + name);
        }
        return null;
    }

    private static double? Scaled(JsonElement score)
    {
        if (Number(score, "scaled") is { } scaled)
        {
            return Math.Clamp(scaled, 0, 1);
        }
        if (Number(score, "raw") is not { } raw)
        {
            return null;
        }
        var min = Number(score, "min") ?? 0;
        var max = Number(score, "max") ?? (raw <= 100 ? 100 : (double?)null);
        return max is { } m && m > min ? Math.Clamp((raw - min) / (m - min), 0, 1) : null;
    }

    private static TimeSpan? ParseDuration(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

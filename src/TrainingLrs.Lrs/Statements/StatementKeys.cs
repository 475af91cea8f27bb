using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Statements;

/// <summary>
/// The lookup keys of a statement, one per query filter it can match. A key is a one-letter kind and a
/// short hash of the value, so every filter becomes a prefix range in one ordered index whatever the
/// length of the IRI or agent it filters on. Keys are lower-case only because LiteDB compares strings
/// ignoring case by default.
/// </summary>
internal static class StatementKeys
{
    public const char Agent = 'a';
    public const char RelatedAgent = 'b';
    public const char Verb = 'v';
    public const char Activity = 'o';
    public const char RelatedActivity = 'q';
    public const char Registration = 'r';
    public const char Partner = 'p';
    public const char Credential = 'c';

    /// <summary>The filter kinds a StatementRef passes on from its target (spec: filter conditions for StatementRefs).</summary>
    public static bool IsInherited(string key) => key[0] is Agent or RelatedAgent or Verb or Activity or RelatedActivity or Registration;

    public static string Make(char kind, string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return kind + Convert.ToHexStringLower(hash[..10]);
    }

    /// <summary>The inverse functional identifier of an Agent or identified Group, or null for an anonymous Group.</summary>
    public static string? Identifier(JsonObject actor)
    {
        if (actor["mbox"]?.GetValue<string>() is { } mbox)
        {
            return "mbox:" + mbox;
        }
        if (actor["mbox_sha1sum"]?.GetValue<string>() is { } sha1)
        {
            return "sha1:" + sha1.ToLowerInvariant();
        }
        if (actor["openid"]?.GetValue<string>() is { } openid)
        {
            return "openid:" + openid;
        }
        if (actor["account"] is JsonObject account)
        {
            return "account:" + account["homePage"]?.GetValue<string>() + "|" + account["name"]?.GetValue<string>();
        }
        return null;
    }

    /// <summary>Computes the keys of a validated statement (the LRS's authority already set).</summary>
    public static HashSet<string> Of(JsonObject statement, string? partnerId, string credentialKey)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddActor(keys, statement["actor"] as JsonObject, direct: true);
        AddObject(keys, statement["object"] as JsonObject, direct: true);
        keys.Add(Make(Verb, statement["verb"]!["id"]!.GetValue<string>()));
        AddActor(keys, statement["authority"] as JsonObject, direct: false);
        AddContext(keys, statement["context"] as JsonObject);
        if (statement["object"] is JsonObject { } obj && obj["objectType"]?.GetValue<string>() == "SubStatement")
        {
            AddActor(keys, obj["actor"] as JsonObject, direct: false);
            AddObject(keys, obj["object"] as JsonObject, direct: false);
            AddContext(keys, obj["context"] as JsonObject);
        }
        if (partnerId is not null)
        {
            keys.Add(Make(Partner, partnerId));
        }
        keys.Add(Make(Credential, credentialKey));
        return keys;
    }

    /// <summary>The keys an agent filter looks for: the agent itself (Groups match through their members too).</summary>
    public static string ForAgent(JsonObject agent, bool related) =>
        Make(related ? RelatedAgent : Agent, Identifier(agent) ?? "");

    private static void AddObject(HashSet<string> keys, JsonObject? obj, bool direct)
    {
        switch (obj?["objectType"]?.GetValue<string>() ?? "Activity")
        {
            case "Activity":
                var id = obj!["id"]!.GetValue<string>();
                if (direct)
                {
                    keys.Add(Make(Activity, id));
                }
                keys.Add(Make(RelatedActivity, id));
                break;
            case "Agent" or "Group":
                AddActor(keys, obj, direct);
                break;
        }
    }

    private static void AddActor(HashSet<string> keys, JsonObject? actor, bool direct)
    {
        if (actor is null)
        {
            return;
        }
        if (Identifier(actor) is { } identifier)
        {
            if (direct)
            {
                keys.Add(Make(Agent, identifier));
            }
            keys.Add(Make(RelatedAgent, identifier));
        }
        if (actor["member"] is JsonArray members)
        {
            foreach (var member in members.OfType<JsonObject>())
            {
                AddActor(keys, member, direct);
            }
        }
    }

    private static void AddContext(HashSet<string> keys, JsonObject? context)
    {
        if (context is null)
        {
            return;
        }
        if (context["registration"]?.GetValue<string>() is { } registration)
        {
            keys.Add(Make(Registration, registration.ToLowerInvariant()));
        }
        AddActor(keys, context["instructor"] as JsonObject, direct: false);
        AddActor(keys, context["team"] as JsonObject, direct: false);
        foreach (var agent in (context["contextAgents"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AddActor(keys, agent["agent"] as JsonObject, direct: false);
        }
        foreach (var group in (context["contextGroups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AddActor(keys, group["group"] as JsonObject, direct: false);
        }
        if (context["contextActivities"] is JsonObject activities)
        {
            foreach (var (_, list) in activities)
            {
                foreach (var activity in (list as JsonArray ?? []).OfType<JsonObject>())
                {
                    keys.Add(Make(RelatedActivity, activity["id"]!.GetValue<string>()));
                }
            }
        }
    }
}

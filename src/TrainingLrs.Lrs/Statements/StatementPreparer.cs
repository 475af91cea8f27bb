using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Statements;

/// <summary>Turns a validated statement into what the LRS stores: id, version, authority, normalized shapes, keys.</summary>
internal static class StatementPreparer
{
    /// <summary>Prepares <paramref name="statement"/>, which is changed in place and must not be used by the caller afterwards.</summary>
    public static PreparedStatement Prepare(JsonObject statement, XapiVersion version, Credential credential, string authorityHomePage)
    {
        // The statement was parsed for this request only, so it is normalized in place: cloning every
        // node of every statement in a batch costs more than the rest of the preparation.
        var id = (statement["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString()).ToLowerInvariant();
        var requestedVersion = statement["version"]?.GetValue<string>();
        var normalized = statement;
        normalized.Remove("stored");
        normalized.Remove("authority");
        normalized["id"] = id;

        normalized["authority"] = new JsonObject
        {
            ["objectType"] = "Agent",
            ["name"] = credential.Name,
            ["account"] = new JsonObject { ["homePage"] = authorityHomePage, ["name"] = credential.Key },
        };
        normalized["version"] = requestedVersion ?? (version == XapiVersion.V2 ? "2.0.0" : "1.0.0");
        NormalizeContextActivities(normalized["context"] as JsonObject);
        if (normalized["object"] is JsonObject { } sub && sub["objectType"]?.GetValue<string>() == "SubStatement")
        {
            NormalizeContextActivities(sub["context"] as JsonObject);
        }

        var obj = (JsonObject)normalized["object"]!;
        var verbId = normalized["verb"]!["id"]!.GetValue<string>();
        string? referenced = null;
        if (obj["objectType"]?.GetValue<string>() == "StatementRef")
        {
            referenced = obj["id"]!.GetValue<string>().ToLowerInvariant();
        }

        var hashes = (normalized["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(a => a["sha2"]!.GetValue<string>().ToLowerInvariant())
            .ToArray();

        return new PreparedStatement
        {
            Id = id,
            Statement = normalized,
            JsonWithoutStored = normalized.ToJsonString(),
            HasTimestamp = normalized.ContainsKey("timestamp"),
            Keys = StatementKeys.Of(normalized, credential.PartnerId, credential.Key),
            VoidedTarget = verbId == StatementValidator.VoidedVerb ? referenced : null,
            ReferencedTarget = referenced,
            VerbId = verbId,
            ActivityDefinitions = credential.HasScope(Scopes.Define) ? DefinitionsOf(normalized) : [],
            AttachmentHashes = hashes,
        };
    }

    /// <summary>A single Activity is accepted where a list is meant; store the list form.</summary>
    private static void NormalizeContextActivities(JsonObject? context)
    {
        if (context?["contextActivities"] is not JsonObject activities)
        {
            return;
        }
        foreach (var key in activities.Select(p => p.Key).ToArray())
        {
            if (activities[key] is JsonObject single)
            {
                activities[key] = new JsonArray(single.DeepClone());
            }
        }
    }

    private static List<(string, JsonObject)> DefinitionsOf(JsonObject statement)
    {
        var found = new List<(string, JsonObject)>();
        void Add(JsonNode? node)
        {
            if (node is JsonObject activity && (activity["objectType"]?.GetValue<string>() ?? "Activity") == "Activity"
                && activity["definition"] is JsonObject definition && activity["id"] is JsonValue id
                && id.GetValueKind() == JsonValueKind.String)
            {
                found.Add((id.GetValue<string>(), definition));
            }
        }
        void AddContext(JsonNode? context)
        {
            if (context?["contextActivities"] is JsonObject lists)
            {
                foreach (var (_, list) in lists)
                {
                    foreach (var item in list as JsonArray ?? [])
                    {
                        Add(item);
                    }
                }
            }
        }

        Add(statement["object"]);
        AddContext(statement["context"]);
        if (statement["object"] is JsonObject sub && sub["objectType"]?.GetValue<string>() == "SubStatement")
        {
            Add(sub["object"]);
            AddContext(sub["context"]);
        }
        return found;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Http;
using static TrainingLrs.Lrs.Validation.JsonReader;

namespace TrainingLrs.Lrs.Validation;

// Activities, results, contexts and attachments: the parts of a statement below the top level.
internal static partial class StatementValidator
{
    private static readonly Dictionary<string, string[]> _componentsByInteraction = new(StringComparer.Ordinal)
    {
        ["true-false"] = [],
        ["choice"] = ["choices"],
        ["fill-in"] = [],
        ["long-fill-in"] = [],
        ["matching"] = ["source", "target"],
        ["performance"] = ["steps"],
        ["sequencing"] = ["choices"],
        ["likert"] = ["scale"],
        ["numeric"] = [],
        ["other"] = [],
    };

    private static readonly string[] _componentLists = ["choices", "scale", "source", "target", "steps"];

    public static void Activity(JsonObject activity, string path)
    {
        OnlyKnown(activity, path, "objectType", "id", "definition");
        Iri(activity, "id", path, required: true);
        if (activity.ContainsKey("definition"))
        {
            ActivityDefinition(activity["definition"], $"{path}.definition");
        }
    }

    private static void ActivityDefinition(JsonNode? node, string path)
    {
        // An empty definition is allowed: the spec says SHOULD NOT, and the current conformance suite
        // expects 200 for it (its older versions expected 400).
        var definition = AsObject(node, path);
        OnlyKnown(definition, path,
            "name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern",
            "choices", "scale", "source", "target", "steps");
        LanguageMap(definition, "name", path);
        LanguageMap(definition, "description", path);
        Iri(definition, "type", path);
        Iri(definition, "moreInfo", path);
        Extensions(definition, "extensions", path);

        var interactionType = String(definition, "interactionType", path);
        if (interactionType is not null && !_componentsByInteraction.ContainsKey(interactionType))
        {
            throw Fail($"{path}.interactionType", $"'{Clip(interactionType)}' is not one of {string.Join(", ", _componentsByInteraction.Keys)}");
        }
        if (definition.ContainsKey("correctResponsesPattern"))
        {
            var patterns = AsArray(definition["correctResponsesPattern"], $"{path}.correctResponsesPattern");
            if (interactionType is null)
            {
                throw Fail($"{path}.correctResponsesPattern", "requires an interactionType");
            }
            for (var i = 0; i < patterns.Count; i++)
            {
                if (patterns[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    throw Fail($"{path}.correctResponsesPattern[{i}]", "must be a string");
                }
            }
        }

        foreach (var list in _componentLists)
        {
            if (!definition.ContainsKey(list))
            {
                continue;
            }
            if (interactionType is null || !_componentsByInteraction[interactionType].Contains(list))
            {
                throw Fail($"{path}.{list}", $"is not allowed for interactionType '{interactionType ?? "(none)"}'");
            }
            InteractionComponents(AsArray(definition[list], $"{path}.{list}"), $"{path}.{list}");
        }
    }

    private static void InteractionComponents(JsonArray components, string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var component = AsObject(components[i], itemPath);
            OnlyKnown(component, itemPath, "id", "description");
            var id = String(component, "id", itemPath, required: true)!;
            if (!ids.Add(id))
            {
                throw Fail($"{itemPath}.id", $"'{Clip(id)}' is used by another component of the same list");
            }
            LanguageMap(component, "description", itemPath);
        }
    }

    private static void Result(JsonNode? node, string path)
    {
        var result = AsObject(node, path);
        OnlyKnown(result, path, "score", "success", "completion", "response", "duration", "extensions");
        Boolean(result, "success", path);
        Boolean(result, "completion", path);
        String(result, "response", path);
        if (String(result, "duration", path) is { } duration && !Rules.IsDuration(duration))
        {
            throw Fail($"{path}.duration", $"'{Clip(duration)}' is not an ISO 8601 duration");
        }
        Extensions(result, "extensions", path);
        if (!result.ContainsKey("score"))
        {
            return;
        }

        var scorePath = $"{path}.score";
        var score = AsObject(result["score"], scorePath);
        OnlyKnown(score, scorePath, "scaled", "raw", "min", "max");
        var scaled = Number(score, "scaled", scorePath);
        var raw = Number(score, "raw", scorePath);
        var min = Number(score, "min", scorePath);
        var max = Number(score, "max", scorePath);
        if (scaled is < -1 or > 1)
        {
            throw Fail($"{scorePath}.scaled", "must be between -1 and 1");
        }
        if (min is not null && max is not null && min >= max)
        {
            throw Fail($"{scorePath}.min", "must be less than max");
        }
        if (raw is not null && (raw < min || raw > max))
        {
            throw Fail($"{scorePath}.raw", "must be between min and max");
        }
    }

    private static void Context(JsonNode? node, string path, XapiVersion version, bool objectIsActivity)
    {
        var context = AsObject(node, path);
        string[] keys = version == XapiVersion.V2
            ? ["registration", "instructor", "team", "contextActivities", "contextAgents", "contextGroups", "revision", "platform", "language", "statement", "extensions"]
            : ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"];
        OnlyKnown(context, path, keys);
        Uuid(context, "registration", path);
        if (context.ContainsKey("instructor"))
        {
            Actor(context["instructor"], $"{path}.instructor", version, requireObjectType: false);
        }
        if (context.ContainsKey("team") && Actor(context["team"], $"{path}.team", version, requireObjectType: false) != "Group")
        {
            throw Fail($"{path}.team", "must be a Group (objectType 'Group')");
        }
        foreach (var key in new[] { "revision", "platform" })
        {
            if (String(context, key, path) is not null && !objectIsActivity)
            {
                throw Fail($"{path}.{key}", "may only be used when the statement's object is an Activity");
            }
        }
        if (String(context, "language", path) is { } language && !Rules.IsLanguageTag(language))
        {
            throw Fail($"{path}.language", $"'{Clip(language)}' is not an RFC 5646 language tag");
        }
        if (context.ContainsKey("statement"))
        {
            var refPath = $"{path}.statement";
            var reference = AsObject(context["statement"], refPath);
            OnlyKnown(reference, refPath, "objectType", "id");
            if (String(reference, "objectType", refPath, required: true) != "StatementRef")
            {
                throw Fail($"{refPath}.objectType", "must be 'StatementRef'");
            }
            Uuid(reference, "id", refPath, required: true);
        }
        Extensions(context, "extensions", path);
        if (context.ContainsKey("contextActivities"))
        {
            ContextActivities(context["contextActivities"], $"{path}.contextActivities");
        }
        ContextActors(context, "contextAgents", "contextAgent", "agent", path, version);
        ContextActors(context, "contextGroups", "contextGroup", "group", path, version);
    }

    // Both versions accept a single Activity where a list is meant (the 2.0 conformance suite sends
    // one); StatementPreparer stores it as a one-element list.
    private static void ContextActivities(JsonNode? node, string path)
    {
        var activities = AsObject(node, path);
        if (activities.Count == 0)
        {
            throw Fail(path, "must contain at least one of parent, grouping, category, other");
        }
        OnlyKnown(activities, path, "parent", "grouping", "category", "other");
        foreach (var (key, value) in activities)
        {
            var listPath = $"{path}.{key}";
            if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    ContextActivity(array[i], $"{listPath}[{i}]");
                }
            }
            else
            {
                ContextActivity(value, listPath);
            }
        }
    }

    private static void ContextActivity(JsonNode? node, string path)
    {
        var activity = AsObject(node, path);
        if (String(activity, "objectType", path) is { } t && t != "Activity")
        {
            throw Fail($"{path}.objectType", "must be 'Activity'");
        }
        Activity(activity, path);
    }

    private static void ContextActors(JsonObject context, string key, string objectType, string actorKey, string path, XapiVersion version)
    {
        if (!context.ContainsKey(key))
        {
            return;
        }

        var list = AsArray(context[key], $"{path}.{key}");
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}.{key}[{i}]";
            var item = AsObject(list[i], itemPath);
            OnlyKnown(item, itemPath, "objectType", actorKey, "relevantTypes");
            if (String(item, "objectType", itemPath, required: true) != objectType)
            {
                throw Fail($"{itemPath}.objectType", $"must be '{objectType}'");
            }
            var actorType = Actor(item[actorKey] ?? throw Fail($"{itemPath}.{actorKey}", "is required"), $"{itemPath}.{actorKey}", version, requireObjectType: false);
            if (actorKey == "group" && actorType != "Group")
            {
                throw Fail($"{itemPath}.group", "must be a Group (objectType 'Group')");
            }
            if (item.ContainsKey("relevantTypes"))
            {
                var types = AsArray(item["relevantTypes"], $"{itemPath}.relevantTypes");
                if (types.Count == 0)
                {
                    throw Fail($"{itemPath}.relevantTypes", "must list at least one IRI");
                }
                for (var j = 0; j < types.Count; j++)
                {
                    if (types[j] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !Rules.IsIri(v.GetValue<string>()))
                    {
                        throw Fail($"{itemPath}.relevantTypes[{j}]", "must be an absolute IRI");
                    }
                }
            }
        }
    }

    private static void Attachments(JsonNode? node, string path)
    {
        var attachments = AsArray(node, path);
        for (var i = 0; i < attachments.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var attachment = AsObject(attachments[i], itemPath);
            OnlyKnown(attachment, itemPath, "usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");
            Iri(attachment, "usageType", itemPath, required: true);
            LanguageMap(attachment, "display", itemPath, required: true);
            LanguageMap(attachment, "description", itemPath);
            var contentType = String(attachment, "contentType", itemPath, required: true)!;
            if (!Rules.IsMediaType(contentType))
            {
                throw Fail($"{itemPath}.contentType", $"'{Clip(contentType)}' is not an Internet media type");
            }
            var length = Number(attachment, "length", itemPath) ?? throw Fail($"{itemPath}.length", "is required");
            if (length < 0 || length != Math.Floor(length))
            {
                throw Fail($"{itemPath}.length", "must be a non-negative integer");
            }
            var sha2 = String(attachment, "sha2", itemPath, required: true)!;
            if (sha2.Length is not (56 or 64 or 96 or 128) || !sha2.All(char.IsAsciiHexDigit))
            {
                throw Fail($"{itemPath}.sha2", "must be the hexadecimal SHA-2 hash of the attachment");
            }
            Iri(attachment, "fileUrl", itemPath);
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace TrainingLrs.Lrs.Statements;

/// <summary>The <c>ids</c> and <c>canonical</c> formats of statement GETs (<c>exact</c> is the stored JSON).</summary>
internal static class StatementFormatter
{
    private static readonly string[] _identifierKeys = ["mbox", "mbox_sha1sum", "openid", "account"];

    /// <summary>Only what identifies Agents, Groups, Activities and Verbs.</summary>
    public static JsonObject Ids(JsonObject statement)
    {
        var result = (JsonObject)statement.DeepClone();
        ReduceStatement(result);
        if (result["authority"] is JsonObject authority)
        {
            result["authority"] = IdsActor(authority);
        }
        return result;
    }

    private static void ReduceStatement(JsonObject statement)
    {
        if (statement["actor"] is JsonObject actor)
        {
            statement["actor"] = IdsActor(actor);
        }
        if (statement["verb"] is JsonObject verb)
        {
            statement["verb"] = new JsonObject { ["id"] = verb["id"]?.DeepClone() };
        }
        if (statement["object"] is JsonObject obj)
        {
            switch (obj["objectType"]?.GetValue<string>() ?? "Activity")
            {
                case "Activity":
                    statement["object"] = IdsActivity(obj);
                    break;
                case "Agent" or "Group":
                    statement["object"] = IdsActor(obj);
                    break;
                case "SubStatement":
                    ReduceStatement(obj);
                    break;
            }
        }
        if (statement["context"] is JsonObject context)
        {
            foreach (var key in new[] { "instructor", "team" })
            {
                if (context[key] is JsonObject who)
                {
                    context[key] = IdsActor(who);
                }
            }
            if (context["contextActivities"] is JsonObject lists)
            {
                foreach (var name in lists.Select(p => p.Key).ToArray())
                {
                    lists[name] = new JsonArray((lists[name] as JsonArray ?? [])
                        .OfType<JsonObject>()
                        .Select(a => (JsonNode)IdsActivity(a))
                        .ToArray());
                }
            }
        }
    }

    // Only the id: the conformance suite (XAPI-00171) expects an Activity to have exactly one property.
    private static JsonObject IdsActivity(JsonObject activity) => new() { ["id"] = activity["id"]?.DeepClone() };

    private static JsonObject IdsActor(JsonObject actor)
    {
        var objectType = actor["objectType"]?.GetValue<string>() ?? "Agent";
        var result = new JsonObject { ["objectType"] = objectType };
        var identified = false;
        foreach (var key in _identifierKeys)
        {
            if (actor[key] is { } value)
            {
                result[key] = value.DeepClone();
                identified = true;
            }
        }
        if (!identified && actor["member"] is JsonArray members)
        {
            result["member"] = new JsonArray(members.OfType<JsonObject>().Select(m => (JsonNode)IdsActor(m)).ToArray());
        }
        return result;
    }

    /// <summary>Canonical activity definitions (when the LRS has one) and one language per language map.</summary>
    public static JsonObject Canonical(JsonObject statement, Func<string, JsonObject?> canonicalDefinition, IReadOnlyList<string> languages)
    {
        var result = (JsonObject)statement.DeepClone();
        UseCanonicalDefinitions(result, canonicalDefinition);
        if (result["object"] is JsonObject sub && sub["objectType"]?.GetValue<string>() == "SubStatement")
        {
            UseCanonicalDefinitions(sub, canonicalDefinition);
        }
        FilterLanguages(result, languages);
        return result;
    }

    private static void UseCanonicalDefinitions(JsonObject statement, Func<string, JsonObject?> canonicalDefinition)
    {
        void Replace(JsonNode? node)
        {
            if (node is JsonObject activity && (activity["objectType"]?.GetValue<string>() ?? "Activity") == "Activity"
                && activity["id"] is JsonValue id && canonicalDefinition(id.GetValue<string>()) is { } canonical)
            {
                activity["definition"] = canonical;
            }
        }

        Replace(statement["object"]);
        if (statement["context"]?["contextActivities"] is JsonObject lists)
        {
            foreach (var (_, list) in lists)
            {
                foreach (var activity in list as JsonArray ?? [])
                {
                    Replace(activity);
                }
            }
        }
    }

    // Language maps are the display of verbs and attachments and the name and description of
    // activities and interaction components; extensions are left as they are.
    private static void FilterLanguages(JsonNode? node, IReadOnlyList<string> languages)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    if (key is "display" or "name" or "description" && obj[key] is JsonObject map)
                    {
                        obj[key] = PickLanguage(map, languages);
                    }
                    else if (key != "extensions")
                    {
                        FilterLanguages(obj[key], languages);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    FilterLanguages(item, languages);
                }
                break;
        }
    }

    private static JsonObject PickLanguage(JsonObject map, IReadOnlyList<string> languages)
    {
        if (map.Count <= 1)
        {
            return map;
        }
        foreach (var wanted in languages)
        {
            var match = map.FirstOrDefault(p => string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase)).Key
                ?? map.FirstOrDefault(p => p.Key.StartsWith(wanted + "-", StringComparison.OrdinalIgnoreCase)
                    || wanted.StartsWith(p.Key + "-", StringComparison.OrdinalIgnoreCase)).Key;
            if (match is not null)
            {
                return new JsonObject { [match] = map[match]?.DeepClone() };
            }
        }
        var first = map.First();
        return new JsonObject { [first.Key] = first.Value?.DeepClone() };
    }

    /// <summary>The languages of an Accept-Language header, most wanted first.</summary>
    public static IReadOnlyList<string> Languages(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var values))
        {
            return [];
        }
        return values.Where(v => v.Quality is null or > 0 && v.Value.Value != "*")
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => v.Value.Value!)
            .ToArray();
    }
}

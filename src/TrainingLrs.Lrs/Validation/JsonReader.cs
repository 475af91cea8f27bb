using System.Text.Json.Nodes;
using System.Text.Json;
using TrainingLrs.Lrs.Http;

namespace TrainingLrs.Lrs.Validation;

/// <summary>Typed access to JSON properties that fails with a 400 naming the field and the rule.</summary>
internal static class JsonReader
{
    public static Exception Fail(string path, string rule) => XapiException.BadRequest($"{path}: {rule}");

    public static JsonObject AsObject(JsonNode? node, string path) =>
        node as JsonObject ?? throw Fail(path, "must be a JSON object");

    public static JsonArray AsArray(JsonNode? node, string path) =>
        node as JsonArray ?? throw Fail(path, "must be a JSON array");

    /// <summary>Refuses properties outside <paramref name="allowed"/> (names are case-sensitive) and null values.</summary>
    public static void OnlyKnown(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, value) in obj)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Fail($"{path}.{key}", $"is not a property of this object (allowed: {string.Join(", ", allowed)}; names are case-sensitive)");
            }
            if (value is null)
            {
                throw Fail($"{path}.{key}", "must not be null");
            }
        }
    }

    public static string? String(JsonObject obj, string key, string path, bool required = false)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            return required ? throw Fail($"{path}.{key}", "is required") : null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }
        throw Fail($"{path}.{key}", "must be a string");
    }

    public static string? Iri(JsonObject obj, string key, string path, bool required = false)
    {
        var text = String(obj, key, path, required);
        if (text is not null && !Rules.IsIri(text))
        {
            throw Fail($"{path}.{key}", $"'{Clip(text)}' is not an absolute IRI");
        }
        return text;
    }

    public static string? Uuid(JsonObject obj, string key, string path, bool required = false)
    {
        var text = String(obj, key, path, required);
        if (text is not null && !Rules.IsUuid(text))
        {
            throw Fail($"{path}.{key}", $"'{Clip(text)}' is not a UUID");
        }
        return text;
    }

    public static bool? Boolean(JsonObject obj, string key, string path)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }
        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw Fail($"{path}.{key}", "must be true or false");
    }

    public static double? Number(JsonObject obj, string key, string path)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.GetValue<double>()
            : throw Fail($"{path}.{key}", "must be a number");
    }

    public static void LanguageMap(JsonObject parent, string key, string path, bool required = false)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                throw Fail($"{path}.{key}", "is required");
            }
            return;
        }

        var map = AsObject(node, $"{path}.{key}");
        if (map.Count == 0)
        {
            throw Fail($"{path}.{key}", "a language map must have at least one entry");
        }
        foreach (var (tag, value) in map)
        {
            if (!Rules.IsLanguageTag(tag))
            {
                throw Fail($"{path}.{key}", $"'{Clip(tag)}' is not an RFC 5646 language tag");
            }
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw Fail($"{path}.{key}.{tag}", "must be a string");
            }
        }
    }

    public static void Extensions(JsonObject parent, string key, string path)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            return;
        }

        foreach (var (iri, _) in AsObject(node, $"{path}.{key}"))
        {
            if (!Rules.IsIri(iri))
            {
                throw Fail($"{path}.{key}", $"key '{Clip(iri)}' is not an absolute IRI");
            }
        }
    }

    public static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

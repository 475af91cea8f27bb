using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Http;
using static TrainingLrs.Lrs.Validation.JsonReader;

namespace TrainingLrs.Lrs.Validation;

/// <summary>
/// Checks a statement against every MUST of xAPI 1.0.3 / 2.0 that can be checked on its own, and
/// fails with the path of the first offending field and the rule it breaks.
/// </summary>
internal static partial class StatementValidator
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    private static readonly string[] _statementKeys =
        ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];

    private static readonly string[] _subStatementKeys =
        ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];

    public static void Validate(JsonObject statement, string path, XapiVersion version)
    {
        OnlyKnown(statement, path, _statementKeys);
        Uuid(statement, "id", path);
        ValidateBody(statement, path, version, isSubStatement: false);

        if (String(statement, "stored", path) is { } stored && !Rules.TryParseTimestamp(stored, out _, version == XapiVersion.V2))
        {
            throw Fail($"{path}.stored", "must be an ISO 8601 timestamp");
        }
        if (statement.ContainsKey("authority")
            && Actor(statement["authority"], $"{path}.authority", version, requireObjectType: false) == "Group")
        {
            // A Group authority is only the OAuth pair, the consumer and the user: an anonymous Group of two.
            var authority = statement["authority"]!.AsObject();
            if (CountIdentifiers(authority, $"{path}.authority") != 0)
            {
                throw Fail($"{path}.authority", "a Group authority must be an anonymous Group (no mbox, mbox_sha1sum, openid or account)");
            }
            if ((authority["member"] as JsonArray)?.Count != 2)
            {
                throw Fail($"{path}.authority.member", "a Group authority must have exactly two members");
            }
        }
        if (String(statement, "version", path) is { } v && !IsAcceptedStatementVersion(v, version))
        {
            throw Fail($"{path}.version", version == XapiVersion.V2
                ? $"'{Clip(v)}' is not a 1.0.x or 2.0.x version"
                : $"'{Clip(v)}' is not 1.0 or a 1.0.x version");
        }
    }

    private static bool IsAcceptedStatementVersion(string value, XapiVersion version)
    {
        var parts = value.Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        return (parts[0], parts[1]) switch
        {
            ("1", "0") => true,
            ("2", "0") => version == XapiVersion.V2,
            _ => false,
        };
    }

    private static void ValidateBody(JsonObject statement, string path, XapiVersion version, bool isSubStatement)
    {
        Actor(statement["actor"] ?? throw Fail($"{path}.actor", "is required"), $"{path}.actor", version, requireObjectType: false);
        var verbId = Verb(statement["verb"] ?? throw Fail($"{path}.verb", "is required"), $"{path}.verb");
        var objectType = StatementObject(statement["object"] ?? throw Fail($"{path}.object", "is required"), $"{path}.object", version, isSubStatement);

        if (verbId == VoidedVerb && objectType != "StatementRef")
        {
            throw Fail($"{path}.object", "a statement with the verb 'voided' must have a StatementRef object");
        }
        if (statement.ContainsKey("result"))
        {
            Result(statement["result"], $"{path}.result");
        }
        if (statement.ContainsKey("context"))
        {
            Context(statement["context"], $"{path}.context", version, objectType == "Activity");
        }
        if (String(statement, "timestamp", path) is { } timestamp && !Rules.TryParseTimestamp(timestamp, out _, version == XapiVersion.V2))
        {
            throw Fail($"{path}.timestamp", $"'{Clip(timestamp)}' is not an ISO 8601 date-time with a known time zone");
        }
        if (statement.ContainsKey("attachments"))
        {
            Attachments(statement["attachments"], $"{path}.attachments");
        }
    }

    /// <summary>Validates an Agent or Group; returns the objectType it turned out to be.</summary>
    public static string Actor(JsonNode? node, string path, XapiVersion version, bool requireObjectType)
    {
        var actor = AsObject(node, path);
        var objectType = String(actor, "objectType", path);
        if (objectType is null && requireObjectType)
        {
            throw Fail($"{path}.objectType", "is required when an Agent or Group is the object");
        }
        switch (objectType ?? "Agent")
        {
            case "Agent":
                OnlyKnown(actor, path, "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
                String(actor, "name", path);
                if (CountIdentifiers(actor, path) != 1)
                {
                    throw Fail(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
                }
                return "Agent";
            case "Group":
                OnlyKnown(actor, path, "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
                String(actor, "name", path);
                var identifiers = CountIdentifiers(actor, path);
                if (identifiers > 1)
                {
                    throw Fail(path, "a Group must not have more than one of mbox, mbox_sha1sum, openid, account");
                }
                if (actor.ContainsKey("member"))
                {
                    var members = AsArray(actor["member"], $"{path}.member");
                    for (var i = 0; i < members.Count; i++)
                    {
                        var memberPath = $"{path}.member[{i}]";
                        var member = AsObject(members[i], memberPath);
                        if (String(member, "objectType", memberPath) is { } t && t != "Agent")
                        {
                            throw Fail($"{memberPath}.objectType", "a Group member must be an Agent");
                        }
                        Actor(member, memberPath, version, requireObjectType: false);
                    }
                    if (identifiers == 0 && members.Count == 0)
                    {
                        throw Fail($"{path}.member", "an anonymous Group must list at least one member");
                    }
                }
                else if (identifiers == 0)
                {
                    throw Fail($"{path}.member", "an anonymous Group (no identifier) must have a member list");
                }
                return "Group";
            default:
                throw Fail($"{path}.objectType", $"'{Clip(objectType!)}' must be 'Agent' or 'Group' (case-sensitive)");
        }
    }

    private static int CountIdentifiers(JsonObject actor, string path)
    {
        var count = 0;
        if (String(actor, "mbox", path) is { } mbox)
        {
            count++;
            if (!Rules.IsMailto(mbox))
            {
                throw Fail($"{path}.mbox", $"'{Clip(mbox)}' must be a mailto: IRI");
            }
        }
        if (String(actor, "mbox_sha1sum", path) is { } sha1)
        {
            count++;
            if (!Rules.IsSha1Hex(sha1))
            {
                throw Fail($"{path}.mbox_sha1sum", "must be 40 hexadecimal characters (a SHA-1 of the mailto IRI)");
            }
        }
        if (Iri(actor, "openid", path) is not null)
        {
            count++;
        }
        if (actor.ContainsKey("account"))
        {
            count++;
            var accountPath = $"{path}.account";
            var account = AsObject(actor["account"], accountPath);
            OnlyKnown(account, accountPath, "homePage", "name");
            Iri(account, "homePage", accountPath, required: true);
            String(account, "name", accountPath, required: true);
        }
        return count;
    }

    private static string Verb(JsonNode node, string path)
    {
        var verb = AsObject(node, path);
        OnlyKnown(verb, path, "id", "display");
        var id = Iri(verb, "id", path, required: true)!;
        LanguageMap(verb, "display", path);
        return id;
    }

    private static string StatementObject(JsonNode node, string path, XapiVersion version, bool isSubStatement)
    {
        var obj = AsObject(node, path);
        var objectType = String(obj, "objectType", path) ?? "Activity";
        switch (objectType)
        {
            case "Activity":
                Activity(obj, path);
                break;
            case "Agent" or "Group":
                Actor(obj, path, version, requireObjectType: true);
                break;
            case "StatementRef":
                OnlyKnown(obj, path, "objectType", "id");
                Uuid(obj, "id", path, required: true);
                break;
            case "SubStatement" when isSubStatement:
                throw Fail($"{path}.objectType", "a SubStatement must not contain a SubStatement");
            case "SubStatement":
                foreach (var forbidden in new[] { "id", "stored", "version", "authority" })
                {
                    if (obj.ContainsKey(forbidden))
                    {
                        throw Fail($"{path}.{forbidden}", "must not appear in a SubStatement");
                    }
                }
                OnlyKnown(obj, path, _subStatementKeys);
                ValidateBody(obj, path, version, isSubStatement: true);
                break;
            default:
                throw Fail($"{path}.objectType", $"'{Clip(objectType)}' must be Activity, Agent, Group, StatementRef or SubStatement (case-sensitive)");
        }
        return objectType;
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingLrs.Lrs.Statements;

/// <summary>
/// What two statements must share to be "the same" (a re-sent id, a signed payload): xAPI 2.0 (4.2.7)
/// says any duration precision beyond 0.01 s is left out of the comparison, so a client that rounds or
/// pads the seconds when it re-sends or signs a statement is not in conflict with itself.
/// </summary>
internal static partial class StatementComparison
{
    /// <summary>Cuts the seconds of <c>result.duration</c> (of the statement and of a SubStatement object) to hundredths, in place.</summary>
    public static void TruncateDurations(JsonObject statement)
    {
        Truncate(statement["result"] as JsonObject);
        if (statement["object"] is JsonObject target
            && target["objectType"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "SubStatement")
        {
            Truncate(target["result"] as JsonObject);
        }
    }

    private static void Truncate(JsonObject? result)
    {
        if (result?["duration"] is JsonValue value && value.TryGetValue<string>(out var duration))
        {
            result["duration"] = SecondsFraction().Replace(duration, m =>
            {
                var hundredths = m.Groups[2].Value.Length > 2 ? m.Groups[2].Value[..2] : m.Groups[2].Value;
                hundredths = hundredths.TrimEnd('0');
                return hundredths.Length == 0 ? m.Groups[1].Value + "S" : $"{m.Groups[1].Value}.{hundredths}S";
            });
        }
    }

    [GeneratedRegex(@"(\d+)[.,](\d+)S$")]
    private static partial Regex SecondsFraction();
}

using System.Text.Json.Nodes;
using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Builds <c>assets/lrs-config.js</c>, the one file that differs between packages of the same lesson:
/// the package format and, for partner packages, the LRS endpoint and write-only lesson key. A script
/// rather than JSON because pages opened from file:// or some LMS players cannot fetch JSON.
/// </summary>
public static class LrsConfigScript
{
    /// <summary>The script for a package of <paramref name="format"/> (<c>web</c>, <c>scorm12</c>...) and an optional LRS connection.</summary>
    public static string Build(string format, LrsConnection? lrs)
    {
        var config = new JsonObject
        {
            ["format"] = format,
            ["lrs"] = lrs is null ? null : new JsonObject
            {
                ["endpoint"] = lrs.Endpoint.ToString(),
                ["auth"] = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(lrs.Key + ":" + lrs.Secret)),
            },
        };
        if (lrs?.LmsHomePage is { } homePage)
        {
            config["lrs"]!["homePage"] = homePage.ToString();
        }

        return "window.TrainingLrsConfig = " + config.ToJsonString() + ";\n";
    }
}

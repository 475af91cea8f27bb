using System.Text.Json;
using Microsoft.Playwright;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>One call the lesson made to the LMS API, with what scorm-again answered.</summary>
public sealed record ScormCall(string Fn, string[] Args, string Result, string Error, bool AfterFinish)
{
    public string Key => Args.Length > 0 ? Args[0] : "";

    public string Value => Args.Length > 1 ? Args[1] : "";

    public override string ToString() => $"{Fn}({string.Join(", ", Args)}) = {Result} [{Error}]";
}

/// <summary>
/// The LMS side: a host page that puts a scorm-again API on <c>window.API</c> (1.2) or
/// <c>window.API_1484_11</c> (2004), opens the lesson in an iframe or a popup (<c>mode=popup</c>), and
/// records every call. With <c>after=navigate</c> it loads another page into the popup once the lesson finishes.
/// scorm-again does not refuse calls after LMSFinish/Terminate, so the log marks them for the tests.
/// </summary>
public static class ScormHost
{
    public const string Page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Test LMS</title>
        <script src="tools/scorm12.min.js"></script>
        <script src="tools/scorm2004.min.js"></script>
        </head>
        <body>
        <h1>Test LMS</h1>
        <div id="slot"></div>
        <script>
        const q = new URLSearchParams(location.search);
        const v12 = q.get("api") === "1.2";
        const api = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
        if (window.lmsSeed) { api.loadFromFlattenedJSON(window.lmsSeed); }
        const names = v12
          ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]
          : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"];
        const lastError = (v12 ? api.LMSGetLastError : api.GetLastError).bind(api);
        window.lmsLog = [];
        let finished = false;
        for (const name of names) {
          const original = api[name].bind(api);
          api[name] = (...args) => {
            const afterFinish = finished;
            const result = original(...args);
            lmsLog.push({ fn: name, args: args.map(String), result: String(result), error: String(lastError()), afterFinish });
            if (name === "LMSFinish" || name === "Terminate") {
              finished = true;
              // after=navigate: the LMS loads its next page into the popup, as some do after a SCO ends.
              if (q.get("after") === "navigate" && window.lmsPopup) { setTimeout(() => { lmsPopup.location.href = "about:blank"; }, 0); }
            }
            return result;
          };
        }
        window[v12 ? "API" : "API_1484_11"] = api;
        if (q.get("mode") === "popup") {
          window.lmsPopup = window.open(q.get("sco"), "sco");
        } else {
          const frame = document.createElement("iframe");
          frame.id = "sco";
          frame.title = "Lesson";
          frame.style.cssText = "width:100%;height:80vh;border:0";
          frame.src = q.get("sco");
          document.getElementById("slot").appendChild(frame);
        }
        </script>
        </body>
        </html>
        """;

    /// <summary>A player frame between the LMS and the lesson, as many LMSs have; served from another origin it cannot be read.</summary>
    public const string Wrapper = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
        <body><iframe id="inner" title="Lesson" style="width:100%;height:80vh;border:0"></iframe>
        <script>document.getElementById("inner").src = new URLSearchParams(location.search).get("inner");</script>
        </body></html>
        """;

    /// <summary>Opens the host page and returns the lesson's frame once the runtime has launched.</summary>
    public static async Task<IFrame> OpenInFrameAsync(IPage page, LessonSite site, string version, IReadOnlyDictionary<string, string>? seed = null)
    {
        if (seed is not null)
        {
            await page.AddInitScriptAsync("window.lmsSeed = " + JsonSerializer.Serialize(seed) + ";");
        }

        var format = version == "1.2" ? "scorm12" : "scorm2004";
        await page.GotoAsync(site.Url($"lms.html?api={version}&sco={Uri.EscapeDataString(LessonSite.LessonPath(format))}"));
        var frame = await (await page.WaitForSelectorAsync("#sco"))!.ContentFrameAsync();
        await LessonDriver.WaitForLaunchAsync(frame!);
        return frame!;
    }

    public static async Task<IReadOnlyList<ScormCall>> CallsAsync(IPage host)
    {
        var json = await host.EvaluateAsync<string>("JSON.stringify(window.lmsLog)");
        var raw = JsonSerializer.Deserialize<JsonElement[]>(json)!;
        return [.. raw.Select(c => new ScormCall(
            c.GetProperty("fn").GetString()!,
            [.. c.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)],
            c.GetProperty("result").GetString()!,
            c.GetProperty("error").GetString()!,
            c.GetProperty("afterFinish").GetBoolean()))];
    }

    /// <summary>The last value the lesson set for each element, as an LMS would store it.</summary>
    public static Dictionary<string, string> Stored(IEnumerable<ScormCall> calls) =>
        calls.Where(c => c.Fn is "LMSSetValue" or "SetValue").GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Last().Value);
}

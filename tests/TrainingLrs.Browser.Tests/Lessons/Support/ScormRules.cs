using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// What every SCORM session must look like, whatever the learner did: initialize once, finish once
/// and last, nothing after finish, every value accepted, each value in its version's format and size.
/// scorm-again checks many formats itself (a refused value returns "false"); these rules add the ones it
/// does not enforce.
/// </summary>
public static partial class ScormRules
{
    public static void AssertSession(string version, IReadOnlyList<ScormCall> calls)
    {
        var v12 = version == "1.2";
        var (init, finish, commit, set) = v12 ? ("LMSInitialize", "LMSFinish", "LMSCommit", "LMSSetValue") : ("Initialize", "Terminate", "Commit", "SetValue");
        Assert.True(calls.Count > 0, "the lesson never called the LMS");
        Assert.Equal(init, calls[0].Fn);
        Assert.Single(calls, c => c.Fn == init);
        Assert.Single(calls, c => c.Fn == finish);
        Assert.Equal(finish, calls[^1].Fn);
        Assert.DoesNotContain(calls, c => c.AfterFinish);
        Assert.All(calls.Where(c => c.Fn is "LMSSetValue" or "SetValue" or "LMSCommit" or "Commit" or "LMSFinish" or "Terminate" or "LMSInitialize" or "Initialize"),
            c => Assert.True(c.Result == "true", $"refused: {c}"));
        if (v12)
        {
            // 1.2 persists only on commit: the last commit must come right before LMSFinish.
            Assert.Equal(commit, calls[^2].Fn);
        }
        else
        {
            Assert.NotEqual(commit, calls[^2].Fn);
        }

        foreach (var call in calls.Where(c => c.Fn == set))
        {
            AssertFormat(v12, call);
        }
    }

    private static void AssertFormat(bool v12, ScormCall call)
    {
        var (key, value) = (call.Key, call.Value);
        if (key is "cmi.suspend_data")
        {
            Assert.True(value.Length <= (v12 ? 4096 : 64000), $"suspend_data is {value.Length} characters");
        }
        else if (key is "cmi.core.session_time")
        {
            Assert.Matches(Timespan12(), value);
        }
        else if (key is "cmi.session_time")
        {
            Assert.Matches(Duration(), value);
        }
        else if (key is "cmi.core.score.raw" or "cmi.score.raw")
        {
            var raw = decimal.Parse(value, CultureInfo.InvariantCulture);
            Assert.InRange(raw, 0, 100);
        }
        else if (key is "cmi.score.scaled")
        {
            Assert.InRange(decimal.Parse(value, CultureInfo.InvariantCulture), -1, 1);
        }
        else if (key.EndsWith(".result", StringComparison.Ordinal))
        {
            Assert.Contains(value, (string[])(v12 ? ["correct", "wrong"] : ["correct", "incorrect"]));
        }
        else if (key.EndsWith(".timestamp", StringComparison.Ordinal))
        {
            Assert.Matches(Timestamp2004(), value);
        }
        else if (key.EndsWith(".time", StringComparison.Ordinal))
        {
            Assert.Matches(Time12(), value);
        }
        else if (key.EndsWith("_response", StringComparison.Ordinal) || key.EndsWith(".pattern", StringComparison.Ordinal))
        {
            Assert.Matches(v12 ? ChoiceList12() : ChoiceList2004(), value);
        }
        else if (key is "cmi.core.lesson_location")
        {
            Assert.True(value.Length <= 255);
        }
    }

    [GeneratedRegex(@"^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$")]
    private static partial Regex Timespan12();

    [GeneratedRegex(@"^P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?$")]
    private static partial Regex Duration();

    // YYYY-MM-DDThh:mm:ss.s[TZD]: a zone designator only after the fraction.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,2}(?:Z|[+-]\d{2}(?::\d{2})?)?$")]
    private static partial Regex Timestamp2004();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}$")]
    private static partial Regex Time12();

    [GeneratedRegex(@"^[a-z0-9](?:,[a-z0-9])*$")]
    private static partial Regex ChoiceList12();

    [GeneratedRegex(@"^[a-z0-9]+(?:\[,\][a-z0-9]+)*$")]
    private static partial Regex ChoiceList2004();
}

using System.Collections.Frozen;
using Markdig.Renderers;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>
/// The words the lesson blocks print themselves ("Check answer", "Legal note"…). English defaults live
/// here so plain <c>Markdown.ToHtml</c> works; a theme's <c>theme.yml</c> supplies other languages.
/// </summary>
internal static class LessonLabels
{
    public static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["check"] = "Check answer",
        ["submit"] = "Submit answers",
        ["retry"] = "Try again",
        ["choose"] = "Choose",
        ["continue"] = "Continue",
        ["knowledge_check"] = "Knowledge check",
        ["assessment"] = "Final assessment",
        ["assessment_intro"] = "Answer {0} questions. You pass with {1}% or more.",
        ["attempts"] = "Attempts allowed: {0}.",
        ["scenario"] = "Scenario",
        ["scenario_prompt"] = "What do you do?",
        ["step"] = "Step {0}",
        ["objectives"] = "Learning objectives",
        ["glossary"] = "Glossary",
        ["legal"] = "Legal note",
        ["tip"] = "Tip",
        ["warning"] = "Warning",
        ["select_one"] = "Select one answer.",
        ["select_many"] = "Select all that apply.",
        ["correct"] = "Correct.",
        ["incorrect"] = "Not quite. Read the feedback under your answer.",
        ["choose_first"] = "Choose an answer first.",
        ["score"] = "Your score: {0}%.",
        ["passed"] = "You passed.",
        ["failed"] = "You did not reach the pass mark.",
        ["no_attempts"] = "No attempts left.",
        ["pages_nav"] = "Lesson pages",
        ["previous"] = "Previous",
        ["next"] = "Next",
        ["page_of"] = "Page {0} of {1}",
        ["exit"] = "Save and exit",
        ["resume_prompt"] = "Welcome back. Continue where you left off?",
        ["resume"] = "Continue",
        ["restart"] = "Start from the beginning",
        ["exited"] = "Your progress is saved. You can close this window.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The labels the browser runtime needs, copied into the lesson data.</summary>
    public static readonly string[] RuntimeKeys = ["correct", "incorrect", "choose_first", "score", "passed", "failed", "no_attempts", "submit", "retry", "assessment_intro", "attempts",
        "pages_nav", "previous", "next", "page_of", "exit", "resume_prompt", "resume", "restart", "exited"];

    public static string Get(HtmlRenderer renderer, string key)
    {
        if (renderer is LessonHtmlRenderer lesson && lesson.Labels.TryGetValue(key, out var value))
        {
            return value;
        }

        return English.TryGetValue(key, out var english) ? english : key;
    }

    public static string Format(HtmlRenderer renderer, string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(renderer, key), args);
}

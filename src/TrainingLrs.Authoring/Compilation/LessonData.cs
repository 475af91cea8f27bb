using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// Builds the <c>lesson-data</c> JSON the runtime reads: ids, pass mark, moveOn and the answer key.
/// The answer key is in the page on purpose: scoring happens in the browser, as SCORM requires.
/// </summary>
internal static class LessonData
{
    // One instance: options cache metadata, and a new one per page would rebuild it every time.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public static string Build(CourseDefinition course, Lesson lesson, IReadOnlyDictionary<string, string> labels)
    {
        var module = lesson.Source.Module;
        var data = new JsonObject
        {
            ["courseId"] = course.Id,
            ["moduleId"] = lesson.Id,
            ["activityId"] = course.ActivityIri(lesson.Id),
            ["language"] = lesson.Language,
            ["contentLanguage"] = lesson.ContentLanguage,
            ["title"] = lesson.FrontMatter?.Title ?? "",
            ["version"] = lesson.FrontMatter?.Version ?? "",
            ["passMark"] = lesson.PassMark,
            ["masteryScore"] = lesson.PassMark / 100.0,
            ["moveOn"] = module.MoveOn.ToString(),
            ["knowledgeChecks"] = new JsonArray([.. lesson.Quizzes.Select(q => (JsonNode)Question(q.Question))]),
            ["scenarios"] = new JsonArray([.. lesson.Scenarios.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.BlockId,
                ["steps"] = new JsonArray([.. s.Steps.Select(st => (JsonNode)new JsonArray([.. st.Choices.Where(c => c.IsBest).Select(c => (JsonNode)c.Key)]))]),
            })]),
            ["assessment"] = lesson.Assessment is { } a ? new JsonObject
            {
                ["id"] = a.BlockId,
                ["passMark"] = lesson.PassMark,
                ["poolSize"] = a.PoolSize ?? a.Questions.Count,
                ["shuffle"] = a.Shuffle,
                ["attempts"] = a.Attempts,
                ["questions"] = new JsonArray([.. a.Questions.Select(q => (JsonNode)Question(q))]),
            } : null,
            ["labels"] = new JsonObject([.. Markdown.LessonLabels.RuntimeKeys.Select(k => KeyValuePair.Create(k, (JsonNode?)labels.GetValueOrDefault(k, k)))]),
        };

        // The default encoder escapes <, > and &, so the JSON cannot close the <script> element.
        return data.ToJsonString(JsonOptions);
    }

    private static JsonObject Question(Question question) => new()
    {
        ["id"] = question.Id,
        ["type"] = Markdown.Questions.QuestionHtml.TypeName(question.Type),
        ["correct"] = new JsonArray([.. question.CorrectKeys.Select(k => (JsonNode)k)]),
    };
}

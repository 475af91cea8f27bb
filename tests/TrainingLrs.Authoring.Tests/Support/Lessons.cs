namespace TrainingLrs.Authoring.Tests.Support;

/// <summary>Builds lesson files for tests: front matter plus a body.</summary>
internal static class Lessons
{
    /// <summary>Front matter is lines 1–4, a blank line 5, so the body starts on line 6.</summary>
    public static string WithBody(string body, string id = "first") => $"""
        ---
        id: {id}
        title: First module
        ---

        {body}
        """;
}

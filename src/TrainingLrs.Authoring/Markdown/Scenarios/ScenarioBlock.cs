namespace TrainingLrs.Authoring.Markdown.Scenarios;

/// <summary>A branching-free scenario: one or more steps, each a situation with choices and consequences.</summary>
public sealed class ScenarioBlock : LessonBlock
{
    /// <summary>Heading text from <c>title=</c>.</summary>
    public string? Title { get; internal set; }

    /// <summary>The steps in order.</summary>
    public List<ScenarioStep> Steps { get; } = [];
}

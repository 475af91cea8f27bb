using Markdig.Syntax;

namespace TrainingLrs.Authoring.Markdown.Scenarios;

/// <summary>One step of a scenario: a situation and the choices the learner has.</summary>
public sealed class ScenarioStep
{
    /// <summary>1-based step number.</summary>
    public required int Number { get; init; }

    /// <summary>The blocks describing the situation.</summary>
    public required IReadOnlyList<Block> Situation { get; init; }

    /// <summary>The choices.</summary>
    public required IReadOnlyList<ScenarioChoice> Choices { get; init; }
}

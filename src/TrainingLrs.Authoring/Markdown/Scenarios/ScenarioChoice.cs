using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLrs.Authoring.Markdown.Scenarios;

/// <summary>One choice in a scenario step, with the consequence the learner sees after choosing it.</summary>
public sealed class ScenarioChoice
{
    /// <summary>Position key: a, b, c…</summary>
    public required string Key { get; init; }

    /// <summary>True when written <c>[x]</c>: the recommended choice.</summary>
    public required bool IsBest { get; init; }

    /// <summary>The choice text.</summary>
    public required ContainerInline? Label { get; init; }

    /// <summary>What happens next, from the quoted lines under the choice.</summary>
    public QuoteBlock? Consequence { get; init; }
}

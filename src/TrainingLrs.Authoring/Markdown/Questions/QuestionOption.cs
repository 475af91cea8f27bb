using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLrs.Authoring.Markdown.Questions;

/// <summary>One answer option: <c>- [x] label</c> with an optional <c>&gt; feedback</c> line under it.</summary>
public sealed class QuestionOption
{
    /// <summary>Position key: a, b, c… Stable across language editions as long as order is kept.</summary>
    public required string Key { get; init; }

    /// <summary>True when written <c>[x]</c>.</summary>
    public required bool IsCorrect { get; init; }

    /// <summary>The option text (inline Markdown).</summary>
    public required ContainerInline? Label { get; init; }

    /// <summary>Feedback shown when this option is chosen, if any.</summary>
    public QuoteBlock? Feedback { get; init; }
}

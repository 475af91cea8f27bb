using Markdig.Syntax;

namespace TrainingLrs.Authoring.Markdown.Questions;

/// <summary>A question read from a <c>::: quiz</c> or <c>::: question</c> block.</summary>
public sealed class Question
{
    /// <summary>The author's id; shared by all language editions so results count for the same question.</summary>
    public required string Id { get; init; }

    /// <summary>Single, multiple or true/false.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>The blocks before the option list: the question itself.</summary>
    public required IReadOnlyList<Block> Prompt { get; init; }

    /// <summary>The options in author order.</summary>
    public required IReadOnlyList<QuestionOption> Options { get; init; }

    /// <summary>Blocks after the option list, shown once the learner has answered.</summary>
    public required IReadOnlyList<Block> Explanation { get; init; }

    /// <summary>1-based line of the block, for diagnostics.</summary>
    public required int Line { get; init; }

    /// <summary>Keys of the correct options.</summary>
    public IReadOnlyList<string> CorrectKeys => [.. Options.Where(o => o.IsCorrect).Select(o => o.Key)];
}

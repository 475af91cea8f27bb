using Markdig.Parsers;
using Markdig.Syntax;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>
/// Base of the lesson blocks (quiz, assessment, scenario, callout…). Each one replaces a Markdig
/// custom container (<c>::: name args</c>) after parsing, keeping the original children so links and
/// images inside it are still found by the lint.
/// </summary>
public abstract class LessonBlock : ContainerBlock
{
    /// <summary>Creates a block; the parser is null because these blocks are made after parsing.</summary>
    protected LessonBlock()
        : base((BlockParser?)null)
    {
    }

    /// <summary>The author's <c>id=</c>, or empty when the block has none.</summary>
    public string BlockId { get; set; } = "";

    /// <summary>Problems found while reading the block.</summary>
    public List<BlockProblem> Problems { get; } = [];

    /// <summary>Records a problem at a Markdig object's position.</summary>
    public void Problem(MarkdownObject at, string code, string message) =>
        Problems.Add(new BlockProblem(at.Line + 1, at.Column + 1, code, message));
}

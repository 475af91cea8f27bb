using Markdig;
using Markdig.Renderers;
using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Quizzes;

/// <summary>
/// Knowledge checks: <c>::: quiz id=q1 type=single</c>, a prompt, a task list of options with
/// <c>&gt; feedback</c> under each, closed by <c>:::</c>. Built on Markdig's custom containers and task lists.
/// </summary>
public sealed class QuizExtension : IMarkdownExtension
{
    /// <summary>The container name authors write.</summary>
    public const string Name = "quiz";

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document => ContainerTransform.Replace(document, Name, (container, args) =>
        {
            var block = new QuizBlock { BlockId = args.Get("id") ?? "" };
            block.Question = QuestionReader.Read(container, args, block, Name);
            ContainerTransform.MoveChildren(container, block);
            return block;
        });
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlQuizRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlQuizRenderer());
        }
    }
}

using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Assessments;

/// <summary>
/// The final assessment: <c>:::: assessment id=final pass=80 pool=3 shuffle=true attempts=2</c> holding
/// <c>::: question</c> blocks (same syntax as a quiz). The outer fence has four colons so the inner
/// three-colon fences nest inside it.
/// </summary>
public sealed class AssessmentExtension : IMarkdownExtension
{
    /// <summary>The container name authors write.</summary>
    public const string Name = "assessment";

    /// <summary>The name of the question blocks inside an assessment.</summary>
    public const string QuestionName = "question";

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document => ContainerTransform.Replace(document, Name, Create);
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlAssessmentRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlAssessmentRenderer());
        }
    }

    private static AssessmentBlock Create(CustomContainer container, ContainerArguments args)
    {
        var block = new AssessmentBlock
        {
            BlockId = args.Get("id") ?? "",
            PassMark = args.GetInt("pass"),
            PoolSize = args.GetInt("pool"),
            Shuffle = args.GetBool("shuffle") ?? true,
            Attempts = args.GetInt("attempts") ?? 0,
            Title = args.Get("title"),
        };
        if (block.BlockId.Length == 0)
        {
            block.Problem(container, DiagnosticCodes.MalformedBlock, "An assessment needs an id, as in ':::: assessment id=final'.");
        }

        foreach (var child in container)
        {
            if (child is CustomContainer { Info: QuestionName } q)
            {
                var questionArgs = ContainerArguments.Parse(q.Arguments);
                block.Questions.Add(QuestionReader.Read(q, questionArgs, block, QuestionName));
                questionArgs.RejectUnknown(QuestionName);
                foreach (var error in questionArgs.Errors)
                {
                    block.Problem(q, DiagnosticCodes.MalformedBlock, error);
                }
            }
            else if (child is not ParagraphBlock)
            {
                block.Problem(child, DiagnosticCodes.MalformedBlock, "An assessment may hold only an introduction paragraph and '::: question' blocks.");
            }
        }

        Check(block, container);
        ContainerTransform.MoveChildren(container, block);
        return block;
    }

    private static void Check(AssessmentBlock block, Block at)
    {
        if (block.Questions.Count == 0)
        {
            block.Problem(at, DiagnosticCodes.MalformedBlock, "An assessment needs at least one '::: question' block (did the outer fence use four colons?).");
        }

        if (block.PassMark is < 0 or > 100)
        {
            block.Problem(at, DiagnosticCodes.PassMarkOutOfRange, $"The assessment pass mark must be between 0 and 100, not {block.PassMark}.");
        }

        if (block.PoolSize is { } pool && (pool < 1 || pool > block.Questions.Count))
        {
            block.Problem(at, DiagnosticCodes.MalformedBlock, $"pool={pool} but the assessment has {block.Questions.Count} questions.");
        }

        if (block.Attempts < 0)
        {
            block.Problem(at, DiagnosticCodes.MalformedBlock, "attempts must be 0 (unlimited) or more.");
        }
    }
}

using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown.Objectives;

/// <summary>Learning objectives: <c>::: objectives</c> around a bulleted or numbered list.</summary>
public sealed class ObjectivesExtension : IMarkdownExtension
{
    /// <summary>The container name authors write.</summary>
    public const string Name = "objectives";

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document => ContainerTransform.Replace(document, Name, (container, args) =>
        {
            var block = new ObjectivesBlock { BlockId = args.Get("id") ?? "objectives" };
            var list = container.OfType<ListBlock>().FirstOrDefault();
            if (list is null)
            {
                block.Problem(container, DiagnosticCodes.MalformedBlock, "Write the objectives as a list inside '::: objectives'.");
            }
            else
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    block.Items.Add(PlainText.Of(item));
                }
            }

            ContainerTransform.MoveChildren(container, block);
            return block;
        });
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlObjectivesRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlObjectivesRenderer());
        }
    }
}

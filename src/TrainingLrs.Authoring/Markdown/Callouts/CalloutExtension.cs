using Markdig;
using Markdig.Renderers;

namespace TrainingLrs.Authoring.Markdown.Callouts;

/// <summary>Callouts: <c>::: legal</c>, <c>::: tip</c> or <c>::: warning</c>, optionally with <c>title="…"</c>.</summary>
public sealed class CalloutExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document =>
        {
            foreach (var kind in Enum.GetValues<CalloutKind>())
            {
                ContainerTransform.Replace(document, kind.ToString().ToLowerInvariant(), (container, args) =>
                {
                    var block = new CalloutBlock { Kind = kind, Title = args.Get("title"), BlockId = args.Get("id") ?? "" };
                    ContainerTransform.MoveChildren(container, block);
                    return block;
                });
            }
        };
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlCalloutRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlCalloutRenderer());
        }
    }
}

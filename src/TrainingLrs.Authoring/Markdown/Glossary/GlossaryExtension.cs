using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.DefinitionLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown.Glossary;

/// <summary>
/// Glossary terms: <c>::: glossary</c> around a Markdig definition list (a term on one line, its
/// definition on the next line starting with <c>: </c>). Each term gets the id <c>term-slug</c> so the
/// text can link to it with <c>[hot goods](#term-hot-goods)</c>.
/// </summary>
public sealed class GlossaryExtension : IMarkdownExtension
{
    /// <summary>The container name authors write.</summary>
    public const string Name = "glossary";

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document => ContainerTransform.Replace(document, Name, (container, args) =>
        {
            var block = new GlossaryBlock { BlockId = args.Get("id") ?? "glossary" };
            foreach (var term in container.Descendants<DefinitionTerm>())
            {
                var text = PlainText.Of(term);
                var id = "term-" + Slug.From(text);
                term.GetAttributes().Id = id;
                block.Terms.Add(new(text, id));
            }

            if (block.Terms.Count == 0)
            {
                block.Problem(container, DiagnosticCodes.MalformedBlock, "Write glossary entries as a term line followed by a ': definition' line.");
            }

            ContainerTransform.MoveChildren(container, block);
            return block;
        });
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlGlossaryRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlGlossaryRenderer());
        }
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TrainingLrs.Authoring.Markdown.Callouts;

/// <summary>
/// Renders a callout as an <c>aside</c> named by its title. The title is a paragraph, not a heading,
/// so callouts never break the page's heading order.
/// </summary>
internal sealed class HtmlCalloutRenderer : HtmlObjectRenderer<CalloutBlock>
{
    protected override void Write(HtmlRenderer renderer, CalloutBlock obj)
    {
        var kind = obj.Kind.ToString().ToLowerInvariant();
        var title = obj.Title ?? LessonLabels.Get(renderer, kind);
        renderer.EnsureLine();
        renderer.Write("<aside class=\"callout callout-").Write(kind).Write('"');
        if (obj.BlockId.Length > 0)
        {
            renderer.Write(" id=\"").WriteEscape(obj.BlockId).Write('"');
        }

        renderer.Write(" aria-label=\"").WriteEscape(title).WriteLine("\">");
        renderer.Write("<p class=\"callout-title\"><strong>").WriteEscape(title).WriteLine("</strong></p>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</aside>");
    }
}

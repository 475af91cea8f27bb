using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TrainingLrs.Authoring.Markdown.Glossary;

/// <summary>Renders the glossary as a labelled section around the definition list.</summary>
internal sealed class HtmlGlossaryRenderer : HtmlObjectRenderer<GlossaryBlock>
{
    protected override void Write(HtmlRenderer renderer, GlossaryBlock obj)
    {
        var titleId = obj.BlockId + "-title";
        renderer.EnsureLine();
        renderer.Write("<section class=\"glossary\" id=\"").WriteEscape(obj.BlockId)
            .Write("\" aria-labelledby=\"").WriteEscape(titleId).WriteLine("\">");
        renderer.Write("<h2 id=\"").WriteEscape(titleId).Write("\">").WriteEscape(LessonLabels.Get(renderer, "glossary")).WriteLine("</h2>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</section>");
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TrainingLrs.Authoring.Markdown.Objectives;

/// <summary>Renders objectives as a labelled section with a level-2 heading.</summary>
internal sealed class HtmlObjectivesRenderer : HtmlObjectRenderer<ObjectivesBlock>
{
    protected override void Write(HtmlRenderer renderer, ObjectivesBlock obj)
    {
        var titleId = obj.BlockId + "-title";
        renderer.EnsureLine();
        renderer.Write("<section class=\"objectives\" id=\"").WriteEscape(obj.BlockId)
            .Write("\" aria-labelledby=\"").WriteEscape(titleId).WriteLine("\">");
        renderer.Write("<h2 id=\"").WriteEscape(titleId).Write("\">").WriteEscape(LessonLabels.Get(renderer, "objectives")).WriteLine("</h2>");
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine("</section>");
    }
}

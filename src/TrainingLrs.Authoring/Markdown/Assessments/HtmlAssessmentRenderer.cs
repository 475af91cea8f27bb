using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Assessments;

/// <summary>Renders the assessment as a section with one form; the runtime draws the pool and scores it.</summary>
internal sealed class HtmlAssessmentRenderer : HtmlObjectRenderer<AssessmentBlock>
{
    protected override void Write(HtmlRenderer renderer, AssessmentBlock obj)
    {
        var id = obj.BlockId;
        var titleId = id + "-title";
        var pool = obj.PoolSize ?? obj.Questions.Count;
        renderer.EnsureLine();
        renderer.Write("<section class=\"assessment\" id=\"").WriteEscape(id)
            .Write("\" data-assessment=\"").WriteEscape(id)
            .Write("\" aria-labelledby=\"").WriteEscape(titleId).WriteLine("\">");
        renderer.Write("<h2 id=\"").WriteEscape(titleId).Write("\">")
            .WriteEscape(obj.Title ?? LessonLabels.Get(renderer, "assessment")).WriteLine("</h2>");
        foreach (var intro in obj.OfType<ParagraphBlock>())
        {
            renderer.Render(intro);
        }

        renderer.Write("<p class=\"assessment-rules\">");
        // The pass mark shown here is filled in by the runtime from lesson-data when course.yml sets it.
        renderer.WriteEscape(LessonLabels.Format(renderer, "assessment_intro", pool, obj.PassMark?.ToString(CultureInfo.InvariantCulture) ?? "…"));
        if (obj.Attempts > 0)
        {
            renderer.Write(" ").WriteEscape(LessonLabels.Format(renderer, "attempts", obj.Attempts));
        }

        renderer.WriteLine("</p>");
        renderer.WriteLine("<form class=\"assessment-form\">");
        foreach (var question in obj.Questions)
        {
            QuestionHtml.Write(renderer, question);
        }

        renderer.Write("<button type=\"submit\" class=\"submit\">").WriteEscape(LessonLabels.Get(renderer, "submit")).WriteLine("</button>");
        renderer.WriteLine("<div class=\"result\" role=\"status\" aria-live=\"polite\"></div>");
        renderer.WriteLine("</form>");
        renderer.WriteLine("</section>");
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;
using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Quizzes;

/// <summary>Renders a knowledge check as a form with a check button and a live feedback region.</summary>
internal sealed class HtmlQuizRenderer : HtmlObjectRenderer<QuizBlock>
{
    protected override void Write(HtmlRenderer renderer, QuizBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<form class=\"knowledge-check\" data-quiz=\"").WriteEscape(obj.BlockId)
            .Write("\" aria-label=\"").WriteEscape(LessonLabels.Get(renderer, "knowledge_check")).WriteLine("\">");
        QuestionHtml.Write(renderer, obj.Question);
        renderer.Write("<button type=\"submit\" class=\"check\">").WriteEscape(LessonLabels.Get(renderer, "check")).WriteLine("</button>");
        renderer.WriteLine("<div class=\"feedback\" role=\"status\" aria-live=\"polite\"></div>");
        renderer.WriteLine("</form>");
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TrainingLrs.Authoring.Markdown.Scenarios;

/// <summary>
/// Renders a scenario as a section with one fieldset per step. Every step is visible in the HTML so the
/// page works without script; the runtime reveals steps one at a time.
/// </summary>
internal sealed class HtmlScenarioRenderer : HtmlObjectRenderer<ScenarioBlock>
{
    protected override void Write(HtmlRenderer renderer, ScenarioBlock obj)
    {
        var id = obj.BlockId;
        var titleId = id + "-title";
        renderer.EnsureLine();
        renderer.Write("<section class=\"scenario\" id=\"").WriteEscape(id)
            .Write("\" data-scenario=\"").WriteEscape(id)
            .Write("\" aria-labelledby=\"").WriteEscape(titleId).WriteLine("\">");
        renderer.Write("<h2 id=\"").WriteEscape(titleId).Write("\">").WriteEscape(LessonLabels.Get(renderer, "scenario"));
        if (obj.Title is not null)
        {
            renderer.Write(": ").WriteEscape(obj.Title);
        }

        renderer.WriteLine("</h2>");
        foreach (var step in obj.Steps)
        {
            var stepId = $"{id}-step-{step.Number}";
            renderer.Write("<form class=\"scenario-step\" id=\"").WriteEscape(stepId)
                .Write("\" data-step=\"").Write(step.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).WriteLine("\">");
            if (obj.Steps.Count > 1)
            {
                renderer.Write("<p class=\"step-number\">").WriteEscape(LessonLabels.Format(renderer, "step", step.Number)).WriteLine("</p>");
            }

            foreach (var block in step.Situation)
            {
                renderer.Render(block);
            }

            renderer.EnsureLine();
            renderer.Write("<fieldset><legend>").WriteEscape(LessonLabels.Get(renderer, "scenario_prompt")).WriteLine("</legend>");
            foreach (var choice in step.Choices)
            {
                var inputId = stepId + "-" + choice.Key;
                renderer.Write("<div class=\"option\"><input type=\"radio\" name=\"").WriteEscape(stepId)
                    .Write("\" id=\"").WriteEscape(inputId).Write("\" value=\"").Write(choice.Key).Write("\"><label for=\"")
                    .WriteEscape(inputId).Write("\">");
                if (choice.Label is not null)
                {
                    renderer.WriteChildren(choice.Label);
                }

                renderer.Write("</label>");
                if (choice.Consequence is not null)
                {
                    renderer.Write("<div class=\"consequence\" data-option=\"").Write(choice.Key).WriteLine("\" hidden>");
                    renderer.WriteChildren(choice.Consequence);
                    renderer.EnsureLine();
                    renderer.Write("</div>");
                }

                renderer.WriteLine("</div>");
            }

            renderer.WriteLine("</fieldset>");
            renderer.Write("<button type=\"submit\" class=\"choose\">").WriteEscape(LessonLabels.Get(renderer, "choose")).WriteLine("</button>");
            renderer.WriteLine("<div class=\"feedback\" role=\"status\" aria-live=\"polite\"></div>");
            renderer.WriteLine("</form>");
        }

        renderer.WriteLine("</section>");
    }
}

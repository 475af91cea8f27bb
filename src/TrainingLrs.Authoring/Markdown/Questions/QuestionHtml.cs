using Markdig.Renderers;
using Markdig.Syntax;

namespace TrainingLrs.Authoring.Markdown.Questions;

/// <summary>
/// Writes one question as an accessible fieldset: the prompt is the legend, each option is a labelled
/// radio button or check box, feedback sits next to its option and stays hidden until the runtime shows it.
/// Shared by knowledge checks and the final assessment so both look and behave the same.
/// </summary>
internal static class QuestionHtml
{
    public static void Write(HtmlRenderer renderer, Question question)
    {
        var id = question.Id;
        var multiple = question.Type == QuestionType.Multiple;
        renderer.EnsureLine();
        renderer.Write("<fieldset class=\"question\" id=\"").WriteEscape(id)
            .Write("\" data-question=\"").WriteEscape(id)
            .Write("\" data-type=\"").Write(TypeName(question.Type)).WriteLine("\">");
        WritePrompt(renderer, question.Prompt);
        renderer.Write("<p class=\"hint\">")
            .WriteEscape(LessonLabels.Get(renderer, multiple ? "select_many" : "select_one"))
            .WriteLine("</p>");
        renderer.WriteLine("<div class=\"options\">");
        foreach (var option in question.Options)
        {
            var inputId = id + "-" + option.Key;
            renderer.Write("<div class=\"option\"><input type=\"").Write(multiple ? "checkbox" : "radio")
                .Write("\" name=\"").WriteEscape(id)
                .Write("\" id=\"").WriteEscape(inputId)
                .Write("\" value=\"").Write(option.Key)
                .Write("\"><label for=\"").WriteEscape(inputId).Write("\">");
            if (option.Label is not null)
            {
                renderer.WriteChildren(option.Label);
            }

            renderer.Write("</label>");
            if (option.Feedback is not null)
            {
                renderer.Write("<div class=\"option-feedback\" data-option=\"").Write(option.Key).WriteLine("\" hidden>");
                renderer.WriteChildren(option.Feedback);
                renderer.EnsureLine();
                renderer.Write("</div>");
            }

            renderer.WriteLine("</div>");
        }

        renderer.WriteLine("</div>");
        if (question.Explanation.Count > 0)
        {
            renderer.WriteLine("<div class=\"explanation\" hidden>");
            foreach (var block in question.Explanation)
            {
                renderer.Render(block);
            }

            renderer.EnsureLine();
            renderer.WriteLine("</div>");
        }

        renderer.WriteLine("</fieldset>");
    }

    private static void WritePrompt(HtmlRenderer renderer, IReadOnlyList<Block> prompt)
    {
        // A legend holds phrasing content only, so the first paragraph's inlines go in it and any
        // further prompt blocks follow it.
        var rest = prompt.AsEnumerable();
        if (prompt.Count > 0 && prompt[0] is ParagraphBlock first && first.Inline is not null)
        {
            renderer.Write("<legend>");
            renderer.WriteChildren(first.Inline);
            renderer.WriteLine("</legend>");
            rest = prompt.Skip(1);
        }

        foreach (var block in rest)
        {
            renderer.Render(block);
        }

        renderer.EnsureLine();
    }

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "truefalse",
        _ => "single",
    };
}

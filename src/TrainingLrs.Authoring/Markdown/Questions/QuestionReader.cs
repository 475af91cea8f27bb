using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown.Questions;

/// <summary>
/// Reads a question from a container's children: prompt blocks, then a task list of options
/// (<c>- [x]</c> correct, <c>- [ ]</c> wrong) each with an optional quoted feedback, then an explanation.
/// </summary>
internal static class QuestionReader
{
    public static Question Read(ContainerBlock content, ContainerArguments args, LessonBlock owner, string blockName)
    {
        var id = args.Get("id") ?? "";
        if (id.Length == 0)
        {
            owner.Problem(content, DiagnosticCodes.MalformedBlock, $"A '{blockName}' block needs an id, as in '::: {blockName} id=q1 type=single'.");
        }

        var type = ReadType(args.Get("type"), owner, content);
        var prompt = new List<Block>();
        var explanation = new List<Block>();
        var options = new List<QuestionOption>();
        ListBlock? list = null;
        foreach (var block in content)
        {
            if (list is null && block is ListBlock l)
            {
                list = l;
                ReadOptions(l, options, owner);
            }
            else if (list is null)
            {
                prompt.Add(block);
            }
            else
            {
                explanation.Add(block);
            }
        }

        var question = new Question
        {
            Id = id,
            Type = type,
            Prompt = prompt,
            Options = options,
            Explanation = explanation,
            Line = content.Line + 1,
        };
        Check(question, owner, content);
        return question;
    }

    private static QuestionType ReadType(string? text, LessonBlock owner, Block at)
    {
        switch (text)
        {
            case null or "single":
                return QuestionType.Single;
            case "multiple":
                return QuestionType.Multiple;
            case "truefalse" or "true-false":
                return QuestionType.TrueFalse;
            default:
                owner.Problem(at, DiagnosticCodes.MalformedBlock, $"Unknown question type '{text}': use single, multiple or truefalse.");
                return QuestionType.Single;
        }
    }

    private static void ReadOptions(ListBlock list, List<QuestionOption> options, LessonBlock owner)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var key = ((char)('a' + options.Count)).ToString();
            var paragraph = item.Count > 0 ? item[0] as ParagraphBlock : null;
            var task = paragraph?.Inline?.FirstChild as TaskList;
            if (task is null)
            {
                owner.Problem(item, DiagnosticCodes.MalformedBlock, "Each option must start with [ ] (wrong) or [x] (correct).");
            }
            else
            {
                // The marker is data, not text: drop it so the label renders cleanly.
                task.Remove();
                if (paragraph!.Inline!.FirstChild is LiteralInline literal)
                {
                    var content = literal.Content;
                    content.TrimStart();
                    literal.Content = content;
                }
            }

            var feedback = item.Skip(1).OfType<QuoteBlock>().FirstOrDefault();
            options.Add(new QuestionOption { Key = key, IsCorrect = task?.Checked ?? false, Label = paragraph?.Inline, Feedback = feedback });
        }
    }

    private static void Check(Question question, LessonBlock owner, Block at)
    {
        var correct = question.Options.Count(o => o.IsCorrect);
        var label = question.Id.Length > 0 ? $"Question '{question.Id}'" : "A question";
        if (question.Options.Count < 2)
        {
            owner.Problem(at, DiagnosticCodes.MalformedBlock, $"{label} needs at least two options written as a '- [ ]' list.");
        }
        else if (correct == 0)
        {
            owner.Problem(at, DiagnosticCodes.QuestionWithoutAnswer, $"{label} has no correct answer: mark one option with [x].");
        }
        else if (question.Type != QuestionType.Multiple && correct > 1)
        {
            owner.Problem(at, DiagnosticCodes.QuestionWithoutAnswer, $"{label} is {Name(question.Type)} but marks {correct} options correct: use type=multiple or mark one.");
        }

        if (question.Type == QuestionType.TrueFalse && question.Options.Count != 2)
        {
            owner.Problem(at, DiagnosticCodes.MalformedBlock, $"{label} is true/false and must have exactly two options.");
        }

        if (question.Prompt.Count == 0)
        {
            owner.Problem(at, DiagnosticCodes.MalformedBlock, $"{label} has no question text before its options.");
        }
    }

    private static string Name(QuestionType type) => type == QuestionType.TrueFalse ? "true/false" : "single choice";
}

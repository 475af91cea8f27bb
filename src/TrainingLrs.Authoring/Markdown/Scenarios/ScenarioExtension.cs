using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown.Scenarios;

/// <summary>
/// Scenarios: <c>:::: scenario id=s1 title="…"</c> with one <c>::: step</c> per step (or, for a
/// one-step scenario, the situation and choice list directly). Choices are a list; <c>[x]</c> marks
/// the recommended one and a quoted line under each choice is its consequence.
/// </summary>
public sealed class ScenarioExtension : IMarkdownExtension
{
    /// <summary>The container name authors write.</summary>
    public const string Name = "scenario";

    /// <summary>The name of step blocks inside a scenario.</summary>
    public const string StepName = "step";

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += document => ContainerTransform.Replace(document, Name, Create);
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlScenarioRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlScenarioRenderer());
        }
    }

    private static ScenarioBlock Create(CustomContainer container, ContainerArguments args)
    {
        var block = new ScenarioBlock { BlockId = args.Get("id") ?? "", Title = args.Get("title") };
        if (block.BlockId.Length == 0)
        {
            block.Problem(container, DiagnosticCodes.MalformedBlock, "A scenario needs an id, as in ':::: scenario id=s1'.");
        }

        var steps = container.OfType<CustomContainer>().Where(c => c.Info == StepName).ToList();
        if (steps.Count == 0)
        {
            block.Steps.Add(ReadStep(container, 1, block));
        }
        else
        {
            foreach (var step in steps)
            {
                block.Steps.Add(ReadStep(step, block.Steps.Count + 1, block));
            }
        }

        ContainerTransform.MoveChildren(container, block);
        return block;
    }

    private static ScenarioStep ReadStep(ContainerBlock content, int number, ScenarioBlock owner)
    {
        var situation = new List<Block>();
        var choices = new List<ScenarioChoice>();
        foreach (var child in content)
        {
            if (choices.Count == 0 && child is ListBlock list)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    choices.Add(ReadChoice(item, choices.Count));
                }
            }
            else if (choices.Count == 0)
            {
                situation.Add(child);
            }
            else
            {
                owner.Problem(child, DiagnosticCodes.MalformedBlock, "Write nothing after a step's choice list; start a new '::: step' instead.");
            }
        }

        if (choices.Count < 2)
        {
            owner.Problem(content, DiagnosticCodes.MalformedBlock, $"Scenario step {number} needs a list of at least two choices.");
        }
        else if (choices.Any(c => c.Consequence is null))
        {
            owner.Problem(content, DiagnosticCodes.MalformedBlock, $"Every choice in scenario step {number} needs a consequence written as a quoted line (> …) under it.");
        }

        return new ScenarioStep { Number = number, Situation = situation, Choices = choices };
    }

    private static ScenarioChoice ReadChoice(ListItemBlock item, int index)
    {
        var paragraph = item.Count > 0 ? item[0] as ParagraphBlock : null;
        var task = paragraph?.Inline?.FirstChild as TaskList;
        if (task is not null)
        {
            task.Remove();
            if (paragraph!.Inline!.FirstChild is LiteralInline literal)
            {
                var content = literal.Content;
                    content.TrimStart();
                    literal.Content = content;
            }
        }

        return new ScenarioChoice
        {
            Key = ((char)('a' + index)).ToString(),
            IsBest = task?.Checked ?? false,
            Label = paragraph?.Inline,
            Consequence = item.Skip(1).OfType<QuoteBlock>().FirstOrDefault(),
        };
    }
}

using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>Replaces custom containers of one name by a lesson block, moving their children across.</summary>
internal static class ContainerTransform
{
    public static void Replace<T>(MarkdownDocument document, string name, Func<CustomContainer, ContainerArguments, T> create)
        where T : LessonBlock
    {
        // Materialize first: the tree changes while we replace.
        var targets = document.Descendants<CustomContainer>().Where(c => c.Info == name).ToList();
        foreach (var container in targets)
        {
            var args = ContainerArguments.Parse(container.Arguments);
            var block = create(container, args);
            block.Line = container.Line;
            block.Column = container.Column;
            block.Span = container.Span;
            args.RejectUnknown(name);
            foreach (var error in args.Errors)
            {
                block.Problem(container, DiagnosticCodes.MalformedBlock, error);
            }

            var parent = container.Parent!;
            var index = parent.IndexOf(container);
            parent.RemoveAt(index);
            parent.Insert(index, block);
        }
    }

    /// <summary>Moves every child of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    public static void MoveChildren(ContainerBlock from, ContainerBlock to)
    {
        while (from.Count > 0)
        {
            var child = from[0];
            from.RemoveAt(0);
            to.Add(child);
        }
    }
}

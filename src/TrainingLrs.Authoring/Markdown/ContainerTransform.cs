using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>Replaces custom containers of one name by a lesson block, moving their children across.</summary>
internal static class ContainerTransform
{
    private static readonly object ContainersKey = new();

    public static void Replace<T>(MarkdownDocument document, string name, Func<CustomContainer, ContainerArguments, T> create)
        where T : LessonBlock
    {
        // Every lesson block kind replaces its own containers after the parse; one walk of the tree, kept
        // on the document, serves them all. Materialized first because the tree changes while we replace;
        // a container an earlier block kind took out of the tree is no longer a target.
        if (document.GetData(ContainersKey) is not List<CustomContainer> containers)
        {
            containers = [.. document.Descendants<CustomContainer>()];
            document.SetData(ContainersKey, containers);
        }

        var targets = containers.Where(c => c.Info == name && IsIn(c, document)).ToList();
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

    private static bool IsIn(Block block, MarkdownDocument document)
    {
        var parent = block.Parent;
        while (parent is not null && parent != document)
        {
            parent = parent.Parent;
        }

        return parent == document;
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

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>Flattens Markdown inlines to plain text (for alt-text checks, objectives and manifests).</summary>
internal static class PlainText
{
    public static string Of(MarkdownObject node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return sb.ToString().Trim();
    }

    private static void Append(MarkdownObject node, StringBuilder sb)
    {
        switch (node)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, sb);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Append(leaf.Inline, sb);
                break;
            case ContainerBlock block:
                foreach (var child in block)
                {
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    Append(child, sb);
                }

                break;
        }
    }
}

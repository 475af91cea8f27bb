using Markdig;
using Markdig.Syntax;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>The static front door: one shared lesson pipeline, and Markdown-to-HTML for the simple case.</summary>
public static class LessonMarkdown
{
    /// <summary>The lesson pipeline, built once; Markdig pipelines are thread-safe to share.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseLessonBlocks().Build();

    /// <summary>Parses a lesson file. Line numbers in the result count from the top of the file, front matter included.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders a lesson body to HTML with English labels.</summary>
    public static string ToHtml(string markdown) => ToHtml(Parse(markdown), LessonLabels.English);

    /// <summary>Renders a parsed lesson with the given labels (from the theme, per language).</summary>
    public static string ToHtml(MarkdownDocument document, IReadOnlyDictionary<string, string> labels)
    {
        using var writer = new StringWriter();
        var renderer = new LessonHtmlRenderer(writer, labels);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}

using Markdig.Renderers;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>An HTML renderer that carries the labels of one language for the lesson blocks.</summary>
internal sealed class LessonHtmlRenderer : HtmlRenderer
{
    public LessonHtmlRenderer(TextWriter writer, IReadOnlyDictionary<string, string> labels)
        : base(writer)
    {
        Labels = labels;
    }

    public IReadOnlyDictionary<string, string> Labels { get; }
}

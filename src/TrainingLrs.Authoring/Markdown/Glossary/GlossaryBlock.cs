namespace TrainingLrs.Authoring.Markdown.Glossary;

/// <summary>A glossary: terms and definitions, each term linkable as <c>#term-slug</c>.</summary>
public sealed class GlossaryBlock : LessonBlock
{
    /// <summary>Term text to anchor id (<c>term-…</c>), in author order.</summary>
    public List<KeyValuePair<string, string>> Terms { get; } = [];
}

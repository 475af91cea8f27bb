namespace TrainingLrs.Authoring.Markdown.Callouts;

/// <summary>A highlighted aside: legal note, tip or warning.</summary>
public sealed class CalloutBlock : LessonBlock
{
    /// <summary>Which kind of callout.</summary>
    public CalloutKind Kind { get; internal set; }

    /// <summary>Optional title from <c>title=</c>; the kind's label is used otherwise.</summary>
    public string? Title { get; internal set; }
}

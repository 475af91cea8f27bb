namespace TrainingLrs.Authoring.Markdown.Callouts;

/// <summary>The kinds of callout an author can write.</summary>
public enum CalloutKind
{
    /// <summary><c>::: legal</c>: a legal point, with a reminder that this is not legal advice.</summary>
    Legal,

    /// <summary><c>::: tip</c>: practical advice.</summary>
    Tip,

    /// <summary><c>::: warning</c>: a risk to avoid.</summary>
    Warning,
}

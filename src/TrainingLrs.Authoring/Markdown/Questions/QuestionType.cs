namespace TrainingLrs.Authoring.Markdown.Questions;

/// <summary>How a question is answered.</summary>
public enum QuestionType
{
    /// <summary>Exactly one correct option (radio buttons).</summary>
    Single,

    /// <summary>One or more correct options (check boxes); all must be chosen.</summary>
    Multiple,

    /// <summary>Two options, exactly one correct.</summary>
    TrueFalse,
}

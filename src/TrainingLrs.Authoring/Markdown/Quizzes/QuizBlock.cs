using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Quizzes;

/// <summary>A knowledge check: one practice question with feedback, not scored for the module.</summary>
public sealed class QuizBlock : LessonBlock
{
    /// <summary>The question; set when the block is read.</summary>
    public Question Question { get; internal set; } = null!;
}

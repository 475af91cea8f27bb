using TrainingLrs.Authoring.Markdown.Questions;

namespace TrainingLrs.Authoring.Markdown.Assessments;

/// <summary>The scored final assessment of a module: a pool of questions, a pass mark and attempt rules.</summary>
public sealed class AssessmentBlock : LessonBlock
{
    /// <summary>Pass mark in percent from <c>pass=</c>, or null to use the one in course.yml.</summary>
    public int? PassMark { get; internal set; }

    /// <summary>How many questions are drawn from the pool per attempt (<c>pool=</c>); all when null.</summary>
    public int? PoolSize { get; internal set; }

    /// <summary>Whether questions and their order are shuffled per attempt (<c>shuffle=</c>, default true).</summary>
    public bool Shuffle { get; internal set; } = true;

    /// <summary>Attempts allowed (<c>attempts=</c>); 0 means unlimited.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Optional heading text (<c>title=</c>).</summary>
    public string? Title { get; internal set; }

    /// <summary>The question pool in author order.</summary>
    public List<Question> Questions { get; } = [];
}

namespace TrainingLrs.Authoring.Markdown.Objectives;

/// <summary>The learning objectives of a module, written as a list inside <c>::: objectives</c>.</summary>
public sealed class ObjectivesBlock : LessonBlock
{
    /// <summary>The objectives as plain text, for manifests and lesson data.</summary>
    public List<string> Items { get; } = [];
}

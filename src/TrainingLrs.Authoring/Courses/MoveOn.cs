namespace TrainingLrs.Authoring.Courses;

/// <summary>cmi5 <c>moveOn</c>: what a learner must achieve before the module counts as satisfied.</summary>
public enum MoveOn
{
    /// <summary>Completed or passed (the default: one of the two is enough).</summary>
    CompletedOrPassed,

    /// <summary>Both completed and passed.</summary>
    CompletedAndPassed,

    /// <summary>Completed only.</summary>
    Completed,

    /// <summary>Passed only.</summary>
    Passed,

    /// <summary>Satisfied on launch.</summary>
    NotApplicable,
}

namespace TrainingLrs.Reporting.Completion;

/// <summary>What satisfies a module, with cmi5's meanings.</summary>
public enum MoveOn
{
    /// <summary>A completed statement.</summary>
    Completed,
    /// <summary>A passed statement.</summary>
    Passed,
    /// <summary>Both a completed and a passed statement (in any order, across attempts).</summary>
    CompletedAndPassed,
    /// <summary>Either a completed or a passed statement.</summary>
    CompletedOrPassed,
    /// <summary>Any activity at all satisfies the module.</summary>
    NotApplicable,
}

namespace TrainingLrs.Reporting.Completion;

/// <summary>Where a learner stands on a module.</summary>
public enum CompletionStatus
{
    /// <summary>Nothing recorded.</summary>
    NotAttempted,
    /// <summary>Started, not finished.</summary>
    InProgress,
    /// <summary>Completed (or attended the webinar for it), not passed.</summary>
    Completed,
    /// <summary>Passed the assessment at least once.</summary>
    Passed,
    /// <summary>Failed the assessment and has not passed it since.</summary>
    Failed,
}

/// <summary>The spellings used in OData, CSV and the dashboard.</summary>
public static class CompletionStatuses
{
    /// <summary>e.g. <c>in-progress</c>.</summary>
    public static string ToName(this CompletionStatus status) => status switch
    {
        CompletionStatus.NotAttempted => "not-attempted",
        CompletionStatus.InProgress => "in-progress",
        CompletionStatus.Completed => "completed",
        CompletionStatus.Passed => "passed",
        CompletionStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

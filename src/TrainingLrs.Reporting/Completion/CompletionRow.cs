namespace TrainingLrs.Reporting.Completion;

/// <summary>How a statement relates to a module.</summary>
public enum ModuleRelation
{
    /// <summary>The statement's object is the module itself.</summary>
    Module,
    /// <summary>The object is a page or question of the module (or has the module as context parent/grouping).</summary>
    Part,
    /// <summary>The statement is attendance at a webinar that counts for the module.</summary>
    Webinar,
}

/// <summary>
/// One learner's standing on one module, folded from the statements about it in stored order. A pure
/// value: the same statements always give the same row, which is what lets a rebuild check itself.
/// "Satisfied" is ever-satisfied (cmi5): a later failure does not undo it.
/// </summary>
public sealed record CompletionRow
{
    /// <summary>Opaque learner id.</summary>
    public required string LearnerId { get; init; }
    /// <summary>Module id.</summary>
    public required string ModuleId { get; init; }
    /// <summary>The partner the learner's statements were written for, if any.</summary>
    public string? PartnerId { get; init; }
    /// <summary>Where the learner stands.</summary>
    public CompletionStatus Status { get; init; }
    /// <summary>Whether the module's moveOn has ever been met (or attendance or a waiver counted).</summary>
    public bool Satisfied { get; init; }
    /// <summary>When it was first met.</summary>
    public DateTimeOffset? SatisfiedAt { get; init; }
    /// <summary>Best assessment score, 0..1.</summary>
    public double? BestScore { get; init; }
    /// <summary>Assessment attempts (passed or failed statements).</summary>
    public int Attempts { get; init; }
    /// <summary>First activity on the module.</summary>
    public DateTimeOffset FirstActivity { get; init; }
    /// <summary>Latest activity on the module.</summary>
    public DateTimeOffset LastActivity { get; init; }
    /// <summary>Time spent: session durations (terminated) and webinar attendance.</summary>
    public TimeSpan TimeSpent { get; init; }
    /// <summary>A completed statement was seen.</summary>
    public bool HasCompleted { get; init; }
    /// <summary>A passed statement was seen.</summary>
    public bool HasPassed { get; init; }
    /// <summary>A failed statement was seen.</summary>
    public bool HasFailed { get; init; }
    /// <summary>A webinar counting for the module was attended.</summary>
    public bool HasAttended { get; init; }
    /// <summary>A satisfied or waived statement was seen.</summary>
    public bool HasWaiver { get; init; }

    /// <summary>Verification code of the learner's certificate, once the module is satisfied (set by the store).</summary>
    public string? CertificateCode { get; init; }

    /// <summary>A row for a learner's first statement on a module.</summary>
    public static CompletionRow Start(string learnerId, string moduleId, string? partnerId, DateTimeOffset at) => new()
    {
        LearnerId = learnerId,
        ModuleId = moduleId,
        PartnerId = partnerId,
        Status = CompletionStatus.InProgress,
        FirstActivity = at,
        LastActivity = at,
    };

    /// <summary>The row after one more statement.</summary>
    public CompletionRow Apply(StatementFacts statement, ModuleInfo module, ModuleRelation relation, string? partnerId)
    {
        var row = this with
        {
            PartnerId = PartnerId ?? partnerId,
            FirstActivity = statement.Timestamp < FirstActivity ? statement.Timestamp : FirstActivity,
            LastActivity = statement.Timestamp > LastActivity ? statement.Timestamp : LastActivity,
        };

        if (relation == ModuleRelation.Webinar)
        {
            row = row with { HasAttended = true, TimeSpent = row.TimeSpent + (statement.Duration ?? TimeSpan.Zero) };
        }
        else if (relation == ModuleRelation.Module)
        {
            row = statement.VerbId switch
            {
                Verbs.Completed => row with { HasCompleted = true },
                Verbs.Passed => row with { HasPassed = true, Attempts = row.Attempts + 1, BestScore = Max(row.BestScore, statement.ScaledScore) },
                Verbs.Failed => row with { HasFailed = true, Attempts = row.Attempts + 1, BestScore = Max(row.BestScore, statement.ScaledScore) },
                Verbs.Satisfied or Verbs.Waived => row with { HasWaiver = true },
                Verbs.Terminated => row with { TimeSpent = row.TimeSpent + (statement.Duration ?? TimeSpan.Zero) },
                _ => row,
            };
        }

        var satisfied = row.Satisfied || MeetsMoveOn(row, module.MoveOn);
        return row with
        {
            Status = StatusOf(row),
            Satisfied = satisfied,
            SatisfiedAt = row.SatisfiedAt ?? (satisfied ? statement.Timestamp : null),
        };
    }

    private static bool MeetsMoveOn(CompletionRow row, MoveOn moveOn) =>
        row.HasAttended || row.HasWaiver || moveOn switch
        {
            MoveOn.Completed => row.HasCompleted,
            MoveOn.Passed => row.HasPassed,
            MoveOn.CompletedAndPassed => row.HasCompleted && row.HasPassed,
            MoveOn.CompletedOrPassed => row.HasCompleted || row.HasPassed,
            MoveOn.NotApplicable => true,
            _ => false,
        };

    private static CompletionStatus StatusOf(CompletionRow row) =>
        row.HasPassed ? CompletionStatus.Passed
        : row.HasFailed ? CompletionStatus.Failed
        : row.HasCompleted || row.HasAttended || row.HasWaiver ? CompletionStatus.Completed
        : CompletionStatus.InProgress;

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}

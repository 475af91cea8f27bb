namespace TrainingLrs.Reports;

/// <summary>A learner; the name only where configuration allows it (<c>Reports:ShowLearnerNames</c>).</summary>
public sealed class LearnerRow
{
    /// <summary>Opaque learner id (key).</summary>
    public string Id { get; init; } = "";
    /// <summary>The learner's name, or null when names are hidden.</summary>
    public string? Name { get; init; }
    /// <summary>The learner's partner.</summary>
    public string? PartnerId { get; init; }
    /// <summary>First activity.</summary>
    public DateTimeOffset FirstSeen { get; init; }
    /// <summary>Latest activity.</summary>
    public DateTimeOffset LastSeen { get; init; }
}

/// <summary>A training module.</summary>
public sealed class ModuleRow
{
    /// <summary>Module id (key), shared by its language editions.</summary>
    public string Id { get; init; } = "";
    /// <summary>English title.</summary>
    public string Title { get; init; } = "";
    /// <summary>xAPI activity id.</summary>
    public string ActivityIri { get; init; } = "";
    /// <summary>What satisfies it: Completed, Passed, CompletedAndPassed, CompletedOrPassed, NotApplicable.</summary>
    public string MoveOn { get; init; } = "";
    /// <summary>Whether the campaign requires it.</summary>
    public bool Required { get; init; }
}

/// <summary>A learner's standing on a module.</summary>
public sealed class CompletionReportRow
{
    /// <summary>Key: learner id and module id joined by '|'.</summary>
    public string Id { get; init; } = "";
    /// <summary>Opaque learner id.</summary>
    public string LearnerId { get; init; } = "";
    /// <summary>Module id.</summary>
    public string ModuleId { get; init; } = "";
    /// <summary>The learner's partner.</summary>
    public string? PartnerId { get; init; }
    /// <summary>not-attempted, in-progress, completed, passed or failed.</summary>
    public string Status { get; init; } = "";
    /// <summary>Whether the module was ever satisfied.</summary>
    public bool Satisfied { get; init; }
    /// <summary>When it was first satisfied.</summary>
    public DateTimeOffset? SatisfiedAt { get; init; }
    /// <summary>Best assessment score, 0..100.</summary>
    public double? BestScorePercent { get; init; }
    /// <summary>Assessment attempts.</summary>
    public int Attempts { get; init; }
    /// <summary>First activity.</summary>
    public DateTimeOffset FirstActivity { get; init; }
    /// <summary>Latest activity.</summary>
    public DateTimeOffset LastActivity { get; init; }
    /// <summary>Time spent in minutes.</summary>
    public double TimeSpentMinutes { get; init; }
    /// <summary>Verification code of the learner's certificate (satisfied rows only); the certificate is at /certificates/{code}.</summary>
    public string? CertificateCode { get; init; }
}

/// <summary>A partner's learners on a module.</summary>
public sealed class PartnerProgressRow
{
    /// <summary>Partner id (key part).</summary>
    public string PartnerId { get; init; } = "";
    /// <summary>Module id (key part).</summary>
    public string ModuleId { get; init; } = "";
    /// <summary>Learners with any activity on it.</summary>
    public int Learners { get; init; }
    /// <summary>Learners who satisfied it.</summary>
    public int Satisfied { get; init; }
    /// <summary>Satisfied over learners, 0..100.</summary>
    public double Percent { get; init; }
}

/// <summary>A partner's campaign standing.</summary>
public sealed class CampaignStatusRow
{
    /// <summary>Partner id (key).</summary>
    public string PartnerId { get; init; } = "";
    /// <summary>not-started, in-progress, complete or overdue.</summary>
    public string State { get; init; } = "";
    /// <summary>Learners with activity on a required module.</summary>
    public int LearnersStarted { get; init; }
    /// <summary>Learners who satisfied every required module.</summary>
    public int LearnersComplete { get; init; }
    /// <summary>Learners needed.</summary>
    public int LearnersNeeded { get; init; }
    /// <summary>When the partner became complete.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The campaign deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }
}

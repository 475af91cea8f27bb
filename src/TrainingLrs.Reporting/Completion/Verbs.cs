namespace TrainingLrs.Reporting.Completion;

/// <summary>The verb IRIs completion is computed from (ADL vocabulary and cmi5).</summary>
public static class Verbs
{
    /// <summary>ADL completed.</summary>
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    /// <summary>ADL passed.</summary>
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    /// <summary>ADL failed.</summary>
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    /// <summary>ADL attended (webinars).</summary>
    public const string Attended = "http://adlnet.gov/expapi/verbs/attended";
    /// <summary>ADL terminated: carries the session duration.</summary>
    public const string Terminated = "http://adlnet.gov/expapi/verbs/terminated";
    /// <summary>ADL voided.</summary>
    public const string Voided = "http://adlnet.gov/expapi/verbs/voided";
    /// <summary>cmi5 satisfied (issued by the LMS when moveOn is met).</summary>
    public const string Satisfied = "https://w3id.org/xapi/adl/verbs/satisfied";
    /// <summary>cmi5 waived: the requirement was waived for this learner.</summary>
    public const string Waived = "https://w3id.org/xapi/adl/verbs/waived";
}

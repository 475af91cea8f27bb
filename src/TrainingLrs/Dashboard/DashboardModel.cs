using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Dashboard;

/// <summary>Everything the dashboard page shows, computed once per request for one scope and filter.</summary>
public sealed record DashboardModel(
    DashboardFilter Filter,
    IReadOnlyList<Member> MemberChoices,
    CampaignInfo? Campaign,
    int PartnerCount,
    IReadOnlyList<StateCount> ByState,
    IReadOnlyList<TypeRow> ByType,
    IReadOnlyList<FunnelRow> Funnel,
    IReadOnlyList<ProgressPoint> Progress,
    IReadOnlyList<OverdueRow> Overdue);

/// <summary>The filters from the query string; null means "all".</summary>
public sealed record DashboardFilter(string? MemberId, PartnerType? Type, string? State);

/// <summary>How many partners are in one campaign state.</summary>
public sealed record StateCount(string State, string Label, int Count, double Percent);

/// <summary>Partners of one type, by campaign state.</summary>
public sealed record TypeRow(string Type, int NotStarted, int InProgress, int Complete, int Overdue)
{
    /// <summary>All partners of the type.</summary>
    public int Total => NotStarted + InProgress + Complete + Overdue;
}

/// <summary>One module's funnel: learners who started it and who satisfied it.</summary>
public sealed record FunnelRow(string ModuleId, string Title, bool Required, int Started, int Satisfied)
{
    /// <summary>Satisfied over started, 0..100.</summary>
    public double Percent => Started == 0 ? 0 : Math.Round(100.0 * Satisfied / Started, 1);
}

/// <summary>Campaign progress at the end of one day (ISO date).</summary>
public sealed record ProgressPoint(string Day, int PartnersComplete, int LearnersComplete);

/// <summary>A partner past the deadline and not complete, with who to call.</summary>
public sealed record OverdueRow(string PartnerId, string Name, string Type, string State, int LearnersComplete, int LearnersNeeded, string? ContactName, string? ContactEmail, string? ContactPhone);

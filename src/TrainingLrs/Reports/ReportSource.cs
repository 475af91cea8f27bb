using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>The rows of every report set, already cut to a <see cref="ReportScope"/>; shared by OData, CSV and the dashboard.</summary>
public sealed class ReportSource(IOrganisationStore organisations, ReportSnapshots snapshots, ModuleCatalog catalog, TrainingLrsSettings settings, TimeProvider clock)
{
    /// <summary>The names of the sets, as in the OData service document and the CSV URLs.</summary>
    public static IReadOnlyList<string> SetNames { get; } =
        ["Members", "Partners", "MemberPartners", "Learners", "Modules", "Completions", "PartnerProgress", "CampaignStatus"];

    /// <summary>Members visible in <paramref name="scope"/>.</summary>
    public IQueryable<MemberRow> Members(ReportScope scope) =>
        scope.Members(organisations).Select(m => new MemberRow { Id = m.Id, Name = m.Name }).AsQueryable();

    /// <summary>Partners visible in <paramref name="scope"/>.</summary>
    public IQueryable<PartnerRow> Partners(ReportScope scope) =>
        scope.Partners(organisations).Select(p => new PartnerRow
        {
            Id = p.Id,
            Name = p.Name,
            Type = p.Type.ToName(),
            State = p.State,
            LmsHomePage = p.LmsHomePage,
            ContactName = p.Contact.Name,
            ContactEmail = p.Contact.Email,
            ContactPhone = p.Contact.Phone,
        }).AsQueryable();

    /// <summary>Member–partner links visible in <paramref name="scope"/>.</summary>
    public IQueryable<MemberPartnerRow> MemberPartners(ReportScope scope) =>
        scope.Links(organisations).Select(l => new MemberPartnerRow { MemberId = l.MemberId, PartnerId = l.PartnerId }).AsQueryable();

    /// <summary>Learners of the visible partners (all learners for admin).</summary>
    public IQueryable<LearnerRow> Learners(ReportScope scope) => LearnerRows(snapshots.For(scope)).AsQueryable();

    private LearnerRow[] LearnerRows(ReportSnapshot snapshot) =>
        snapshot.Part("odata-learners", s => s.Learners.Select(l => new LearnerRow
        {
            Id = l.Id,
            Name = settings.Reports.ShowLearnerNames ? l.Name : null,
            PartnerId = l.PartnerId,
            FirstSeen = l.FirstSeen,
            LastSeen = l.LastSeen,
        }).OrderBy(l => l.Id, StringComparer.Ordinal).ToArray());

    /// <summary>The course's modules (the same for everyone).</summary>
    public IQueryable<ModuleRow> Modules(ReportScope scope) =>
        catalog.Modules.Select(m => new ModuleRow { Id = m.Id, Title = m.Title, ActivityIri = m.ActivityIri, MoveOn = m.MoveOn.ToString(), Required = m.Required }).AsQueryable();

    /// <summary>Completion rows of the visible partners' learners.</summary>
    public IQueryable<CompletionReportRow> Completions(ReportScope scope) => CompletionRows(snapshots.For(scope)).AsQueryable();

    private static CompletionReportRow[] CompletionRows(ReportSnapshot snapshot) =>
        snapshot.Part("odata-completions", s => s.Rows.Select(r => new CompletionReportRow
        {
            Id = r.LearnerId + "|" + r.ModuleId,
            LearnerId = r.LearnerId,
            ModuleId = r.ModuleId,
            PartnerId = r.PartnerId,
            Status = r.Status.ToName(),
            Satisfied = r.Satisfied,
            SatisfiedAt = r.SatisfiedAt,
            BestScorePercent = r.BestScore is { } score ? Math.Round(score * 100, 1) : null,
            Attempts = r.Attempts,
            FirstActivity = r.FirstActivity,
            LastActivity = r.LastActivity,
            TimeSpentMinutes = Math.Round(r.TimeSpent.TotalMinutes, 1),
            CertificateCode = r.CertificateCode,
        }).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray());

    /// <summary>Per partner × module progress of the visible partners.</summary>
    public IQueryable<PartnerProgressRow> PartnerProgress(ReportScope scope) => ProgressRows(scope, snapshots.For(scope)).AsQueryable();

    private PartnerProgressRow[] ProgressRows(ReportScope scope, ReportSnapshot snapshot) =>
        snapshot.Part("odata-progress", s =>
            ProgressCalculator.PartnerProgress(s.PartnerIds ?? scope.Partners(organisations).Select(p => p.Id), catalog.Modules, s.Rows)
                .Select(p => new PartnerProgressRow { PartnerId = p.PartnerId, ModuleId = p.ModuleId, Learners = p.Learners, Satisfied = p.Satisfied, Percent = p.Percent })
                .ToArray());

    /// <summary>Campaign status of the visible partners.</summary>
    public IQueryable<CampaignStatusRow> CampaignStatus(ReportScope scope) => CampaignRows(scope, snapshots.For(scope)).AsQueryable();

    private CampaignStatusRow[] CampaignRows(ReportScope scope, ReportSnapshot snapshot) =>
        snapshot.Part("odata-campaign", s =>
            ProgressCalculator.CampaignStatus(s.PartnerIds ?? scope.Partners(organisations).Select(p => p.Id), catalog, s.Rows, clock.GetUtcNow())
            .Select(s => new CampaignStatusRow
            {
                PartnerId = s.PartnerId,
                State = s.State.ToName(),
                LearnersStarted = s.LearnersStarted,
                LearnersComplete = s.LearnersComplete,
                LearnersNeeded = s.LearnersNeeded,
                CompletedAt = s.CompletedAt,
                Deadline = catalog.Campaign?.Deadline,
            })
            .ToArray());

    /// <summary>
    /// Builds <paramref name="scope"/>'s snapshot and the report sets derived from it ahead of the first
    /// request (the dashboard reads the snapshot's rows directly).
    /// </summary>
    public void Warm(ReportScope scope) => snapshots.Warm(scope, snapshot =>
    {
        CompletionRows(snapshot);
        LearnerRows(snapshot);
        ProgressRows(scope, snapshot);
        CampaignRows(scope, snapshot);
    });

    /// <summary>A set by name, for the CSV export; null for an unknown name.</summary>
    public IQueryable? Set(string name, ReportScope scope) => name switch
    {
        "Members" => Members(scope),
        "Partners" => Partners(scope),
        "MemberPartners" => MemberPartners(scope),
        "Learners" => Learners(scope),
        "Modules" => Modules(scope),
        "Completions" => Completions(scope),
        "PartnerProgress" => PartnerProgress(scope),
        "CampaignStatus" => CampaignStatus(scope),
        _ => null,
    };
}

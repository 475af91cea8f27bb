using System.Globalization;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;

namespace TrainingLrs.Dashboard;

/// <summary>Builds the <see cref="DashboardModel"/> from the stores, inside the caller's tenant scope.</summary>
public sealed class DashboardBuilder(IOrganisationStore organisations, ReportSnapshots snapshots, ModuleCatalog catalog, TimeProvider clock)
{
    /// <summary>Builds the page model for <paramref name="scope"/> narrowed by <paramref name="filter"/>.</summary>
    public DashboardModel Build(ReportScope scope, DashboardFilter filter)
    {
        // A member key can never widen its scope through the member filter.
        var memberId = scope.SeesAll ? filter.MemberId : scope.MemberId;
        var partners = (memberId is null ? scope.Partners(organisations) : organisations.PartnersOf(memberId))
            .Where(p => filter.Type is null || p.Type == filter.Type)
            .Where(p => filter.State is null || p.State == filter.State)
            .ToArray();
        var partnerIds = partners.Select(p => p.Id).ToArray();
        var inFilter = partnerIds.ToHashSet(StringComparer.Ordinal);
        var rows = snapshots.Rows(memberId is null ? scope : new ReportScope(memberId)).Where(r => r.PartnerId is not null && inFilter.Contains(r.PartnerId)).ToArray();
        var now = clock.GetUtcNow();
        var statuses = ProgressCalculator.CampaignStatus(partnerIds, catalog, rows, now).ToDictionary(s => s.PartnerId);

        var byState = Enum.GetValues<CampaignState>()
            .Select(state =>
            {
                var count = statuses.Values.Count(s => s.State == state);
                return new StateCount(state.ToName(), Label(state), count, partners.Length == 0 ? 0 : Math.Round(100.0 * count / partners.Length, 1));
            })
            .ToArray();

        var byType = Enum.GetValues<PartnerType>()
            .Select(type =>
            {
                var ofType = partners.Where(p => p.Type == type).Select(p => statuses[p.Id].State).ToArray();
                return new TypeRow(type.ToName(), ofType.Count(s => s == CampaignState.NotStarted), ofType.Count(s => s == CampaignState.InProgress),
                    ofType.Count(s => s == CampaignState.Complete), ofType.Count(s => s == CampaignState.Overdue));
            })
            .Where(t => t.Total > 0)
            .ToArray();

        var perModule = rows.GroupBy(r => r.ModuleId).ToDictionary(g => g.Key, g => (Started: g.Count(), Satisfied: g.Count(r => r.Satisfied)));
        var funnel = catalog.Modules
            .Select(m =>
            {
                var (started, satisfied) = perModule.GetValueOrDefault(m.Id);
                return new FunnelRow(m.Id, m.Title, m.Required, started, satisfied);
            })
            .ToArray();

        var overdue = partners
            .Where(p => statuses[p.Id].State == CampaignState.Overdue)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new OverdueRow(p.Id, p.Name, p.Type.ToName(), p.State, statuses[p.Id].LearnersComplete, statuses[p.Id].LearnersNeeded, p.Contact.Name, p.Contact.Email, p.Contact.Phone))
            .ToArray();

        return new DashboardModel(
            filter with { MemberId = memberId },
            scope.SeesAll ? organisations.Members() : [],
            catalog.Campaign,
            partners.Length,
            byState,
            byType,
            funnel,
            ProgressOverTime(statuses.Values, rows, catalog, now),
            overdue);
    }

    private static IReadOnlyList<ProgressPoint> ProgressOverTime(IEnumerable<PartnerCampaignStatus> statuses, IReadOnlyList<CompletionRow> rows, ModuleCatalog catalog, DateTimeOffset now)
    {
        if (catalog.Campaign is not { } campaign)
        {
            return [];
        }

        var required = catalog.Modules.Where(m => m.Required).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var partnerDays = statuses.Where(s => s.CompletedAt is not null).Select(s => DateOnly.FromDateTime(s.CompletedAt!.Value.UtcDateTime)).ToArray();
        var learnerDays = rows.Where(r => required.Contains(r.ModuleId))
            .GroupBy(r => r.LearnerId)
            .Where(g => required.Count > 0 && g.Count(r => r.Satisfied) == required.Count)
            .Select(g => DateOnly.FromDateTime(g.Max(r => r.SatisfiedAt!.Value).UtcDateTime))
            .ToArray();

        var first = DateOnly.FromDateTime(campaign.Start.UtcDateTime);
        var last = DateOnly.FromDateTime((now < campaign.Deadline ? now : campaign.Deadline).UtcDateTime);
        var points = new List<ProgressPoint>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            points.Add(new ProgressPoint(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), partnerDays.Count(d => d <= day), learnerDays.Count(d => d <= day)));
        }
        return points;
    }

    private static string Label(CampaignState state) => state switch
    {
        CampaignState.NotStarted => "Not started",
        CampaignState.InProgress => "In progress",
        CampaignState.Complete => "Complete",
        CampaignState.Overdue => "Overdue",
        _ => state.ToString(),
    };
}

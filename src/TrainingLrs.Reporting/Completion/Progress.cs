namespace TrainingLrs.Reporting.Completion;

/// <summary>One partner's learners on one module.</summary>
/// <param name="PartnerId">Partner.</param>
/// <param name="ModuleId">Module.</param>
/// <param name="Learners">Learners with any activity on the module.</param>
/// <param name="Satisfied">Learners who satisfied it.</param>
public sealed record PartnerModuleProgress(string PartnerId, string ModuleId, int Learners, int Satisfied)
{
    /// <summary>Satisfied over learners, 0..100, one decimal.</summary>
    public double Percent => Learners == 0 ? 0 : Math.Round(100.0 * Satisfied / Learners, 1);
}

/// <summary>Where a partner stands in the campaign.</summary>
public enum CampaignState
{
    /// <summary>No learner has started a required module.</summary>
    NotStarted,
    /// <summary>Started, not enough learners done yet, deadline not passed.</summary>
    InProgress,
    /// <summary>Enough learners satisfied every required module.</summary>
    Complete,
    /// <summary>The deadline passed before the partner was complete.</summary>
    Overdue,
}

/// <summary>A partner's campaign standing.</summary>
/// <param name="PartnerId">Partner.</param>
/// <param name="State">Its state.</param>
/// <param name="LearnersStarted">Learners with activity on any required module.</param>
/// <param name="LearnersComplete">Learners who satisfied every required module.</param>
/// <param name="LearnersNeeded">How many must be complete.</param>
/// <param name="CompletedAt">When the partner became complete (the needed-th learner's last satisfaction).</param>
public sealed record PartnerCampaignStatus(string PartnerId, CampaignState State, int LearnersStarted, int LearnersComplete, int LearnersNeeded, DateTimeOffset? CompletedAt);

/// <summary>Aggregates completion rows into per-partner progress and campaign status.</summary>
public static class ProgressCalculator
{
    /// <summary>Progress for every partner × module (zeros included, so every partner shows).</summary>
    public static IReadOnlyList<PartnerModuleProgress> PartnerProgress(IEnumerable<string> partnerIds, IReadOnlyList<ModuleInfo> modules, IEnumerable<CompletionRow> rows)
    {
        var counts = rows.Where(r => r.PartnerId is not null)
            .GroupBy(r => (r.PartnerId!, r.ModuleId))
            .ToDictionary(g => g.Key, g => (Learners: g.Count(), Satisfied: g.Count(r => r.Satisfied)));
        return [.. partnerIds.SelectMany(p => modules.Select(m =>
        {
            var (learners, satisfied) = counts.GetValueOrDefault((p, m.Id));
            return new PartnerModuleProgress(p, m.Id, learners, satisfied);
        }))];
    }

    /// <summary>Campaign status of every partner at <paramref name="now"/>.</summary>
    public static IReadOnlyList<PartnerCampaignStatus> CampaignStatus(
        IEnumerable<string> partnerIds, ModuleCatalog catalog, IEnumerable<CompletionRow> rows, DateTimeOffset now)
    {
        var required = catalog.Modules.Where(m => m.Required).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var needed = catalog.Campaign?.LearnersNeededPerPartner ?? 1;
        var byPartner = rows.Where(r => r.PartnerId is not null && required.Contains(r.ModuleId))
            .GroupBy(r => r.PartnerId!)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.LearnerId).ToArray());

        return [.. partnerIds.Select(partner =>
        {
            var learners = byPartner.GetValueOrDefault(partner) ?? [];
            var completions = learners
                .Where(l => required.Count > 0 && l.Count(r => r.Satisfied) == required.Count)
                .Select(l => l.Max(r => r.SatisfiedAt!.Value))
                .Order()
                .ToArray();
            var complete = completions.Length >= needed;
            var state = complete ? CampaignState.Complete
                : catalog.Campaign is { } campaign && now > campaign.Deadline ? CampaignState.Overdue
                : learners.Length == 0 ? CampaignState.NotStarted
                : CampaignState.InProgress;
            return new PartnerCampaignStatus(partner, state, learners.Length, completions.Length, needed, complete ? completions[needed - 1] : null);
        })];
    }

    /// <summary>e.g. <c>not-started</c>.</summary>
    public static string ToName(this CampaignState state) => state switch
    {
        CampaignState.NotStarted => "not-started",
        CampaignState.InProgress => "in-progress",
        CampaignState.Complete => "complete",
        CampaignState.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

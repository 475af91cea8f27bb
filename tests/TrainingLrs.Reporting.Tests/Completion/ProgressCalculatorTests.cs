using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Reporting.Tests.Completion;

public sealed class ProgressCalculatorTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly ModuleCatalog s_catalog = new(
        [new ModuleInfo("m1", "https://x/m1", "One", MoveOn.Completed, true), new ModuleInfo("m2", "https://x/m2", "Two", MoveOn.Passed, true), new ModuleInfo("extra", "https://x/e", "E", MoveOn.Completed, false)],
        campaign: new CampaignInfo(s_start, s_start.AddDays(90), LearnersNeededPerPartner: 2));

    private static CompletionRow Row(string partner, string learner, string module, bool satisfied, int day = 1) =>
        CompletionRow.Start(learner, module, partner, s_start.AddDays(day)) with { Satisfied = satisfied, SatisfiedAt = satisfied ? s_start.AddDays(day) : null };

    [Fact]
    public void Partner_progress_counts_learners_and_satisfied_per_module_and_shows_partners_without_any()
    {
        var rows = new[] { Row("a", "l1", "m1", true), Row("a", "l2", "m1", false), Row("a", "l1", "m2", true) };

        var progress = ProgressCalculator.PartnerProgress(["a", "b"], s_catalog.Modules, rows);

        Assert.Equal(6, progress.Count);
        var m1 = progress.Single(p => p.PartnerId == "a" && p.ModuleId == "m1");
        Assert.Equal((2, 1, 50.0), (m1.Learners, m1.Satisfied, m1.Percent));
        Assert.Equal(0, progress.Single(p => p.PartnerId == "b" && p.ModuleId == "m1").Learners);
    }

    [Fact]
    public void A_partner_is_complete_when_enough_learners_satisfied_every_required_module()
    {
        var rows = new[]
        {
            Row("a", "l1", "m1", true, 3), Row("a", "l1", "m2", true, 4),
            Row("a", "l2", "m1", true, 5), Row("a", "l2", "m2", true, 9),
            Row("a", "l3", "m1", true, 2),
        };

        var status = Assert.Single(ProgressCalculator.CampaignStatus(["a"], s_catalog, rows, s_start.AddDays(10)));

        Assert.Equal(CampaignState.Complete, status.State);
        Assert.Equal(3, status.LearnersStarted);
        Assert.Equal(2, status.LearnersComplete);
        Assert.Equal(s_start.AddDays(9), status.CompletedAt);
    }

    [Theory]
    [InlineData(10, CampaignState.InProgress)]
    [InlineData(91, CampaignState.Overdue)]
    public void A_partner_short_of_learners_is_in_progress_until_the_deadline_then_overdue(int day, CampaignState expected)
    {
        var rows = new[] { Row("a", "l1", "m1", true), Row("a", "l1", "m2", true), Row("a", "l2", "extra", true) };

        Assert.Equal(expected, ProgressCalculator.CampaignStatus(["a"], s_catalog, rows, s_start.AddDays(day)).Single().State);
    }

    [Fact]
    public void A_partner_with_activity_only_on_optional_modules_has_not_started()
    {
        var rows = new[] { Row("a", "l1", "extra", true) };

        Assert.Equal(CampaignState.NotStarted, ProgressCalculator.CampaignStatus(["a"], s_catalog, rows, s_start.AddDays(1)).Single().State);
    }
}

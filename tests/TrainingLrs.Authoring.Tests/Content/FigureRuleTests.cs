namespace TrainingLrs.Authoring.Tests.Content;

public sealed class FigureRuleTests
{
    [Fact]
    public void Dollar_figure_without_fact_id_or_year_is_reported_twice()
    {
        var problems = FigureRule.Check("Penalties came to about $8.0 million.\n").ToList();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(1, p.Line));
    }

    [Fact]
    public void Figure_with_fact_comment_above_and_fiscal_year_passes()
    {
        Assert.Empty(FigureRule.Check("<!-- F-30 -->\nIn FY2023 penalties came to about $8.0 million.\n"));
    }

    [Fact]
    public void Fact_comment_in_another_paragraph_does_not_count()
    {
        var problems = FigureRule.Check("<!-- F-30 -->\nIn FY2023 WHD acted.\n\nIt found 5,792 minors in 2023.\n").ToList();

        Assert.Equal(4, Assert.Single(problems).Line);
    }

    [Fact]
    public void Age_rule_needs_a_fact_id_but_no_year()
    {
        Assert.Single(FigureRule.Check("Workers under 18 may not drive.\n"));
        Assert.Empty(FigureRule.Check("<!-- F-16 -->\nWorkers under 18 may not drive.\n"));
    }

    [Fact]
    public void Years_citations_phone_numbers_and_list_markers_are_not_figures()
    {
        Assert.Empty(FigureRule.Check(
            "1. Since 2023, 18 U.S.C. 1589, HO 10 and Section 307 apply; call 1-888-373-7888 (Module 8).\n"));
    }

    [Fact]
    public void Quiz_block_is_one_unit_so_its_fact_comment_covers_the_options()
    {
        var quiz = "::: quiz id=q type=single\nIn FY2023, how many minors?\n<!-- F-30 -->\n\n- [x] About 5,800\n- [ ] 580\n:::\n";

        Assert.Empty(FigureRule.Check(quiz));
    }

    [Fact]
    public void Scenario_and_fictional_paragraphs_are_skipped()
    {
        Assert.Empty(FigureRule.Check(":::: scenario id=s title=\"A\"\n::: step\nThe crew of 22 paid $300 each.\n\n- [x] Act\n  > Good.\n:::\n::::\n"));
        Assert.Empty(FigureRule.Check("<!-- fictional -->\nPrairie Pack has 140 employees.\n"));
    }

    [Fact]
    public void Front_matter_is_not_checked()
    {
        Assert.Empty(FigureRule.Check("---\nid: m\nduration: 15\n---\n\nText.\n"));
    }
}

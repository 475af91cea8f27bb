using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Content;

public sealed class ContentBriefTests
{
    [Fact]
    public void Fact_statuses_are_read_from_the_last_cell_of_each_fact_row()
    {
        using var temp = new TempFolder();
        var repo = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        Directory.CreateDirectory(temp.Combine("shared"));
        File.WriteAllText(temp.Combine("shared", "CONTENT-BRIEF.md"), """
            | ID | Fact | Value | Source | Year | Status |
            |---|---|---|---|---|---|
            | F-30 | WHD FY2023 results | 5,792 minors | DOL | FY2023 | V1 |
            | F-99 | A rumour | 42 | blog | 2025 | U |
            Prose that mentions F-12 is not a fact row.
            """);

        var brief = ContentBrief.Load(repo);

        Assert.Equal(2, brief.Statuses.Count);
        Assert.Equal("V1", brief.Statuses["F-30"]);
        Assert.True(ContentBrief.IsUnverified(brief.Statuses["F-99"]));
    }

    [Theory]
    [InlineData("U", true)]
    [InlineData("V2/U", true)]
    [InlineData("V1", false)]
    [InlineData("V2/P", false)]
    [InlineData("V1 (summary level); exact current paragraph list P", false)]
    public void Only_a_U_status_counts_as_unverified(string status, bool unverified)
    {
        Assert.Equal(unverified, ContentBrief.IsUnverified(status));
    }
}

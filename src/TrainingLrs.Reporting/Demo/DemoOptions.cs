namespace TrainingLrs.Reporting.Demo;

/// <summary>The size and shape of a generated demo data set.</summary>
/// <param name="Members">Member companies.</param>
/// <param name="Partners">Partners (each serves one to three members).</param>
/// <param name="LearnersPerPartner">Average learners per partner (actual counts vary ±60 %).</param>
/// <param name="Seed">Random seed: the same options always give the same data.</param>
/// <param name="DetailedStatements">Also emit per-page progressed and per-question answered statements (ten times the volume).</param>
public sealed record DemoOptions(int Members = 12, int Partners = 600, int LearnersPerPartner = 50, int Seed = 2026, bool DetailedStatements = false);

/// <summary>One generated statement and the partner whose lesson key would have written it.</summary>
/// <param name="Id">Statement id.</param>
/// <param name="Json">The statement.</param>
/// <param name="PartnerId">The partner.</param>
/// <param name="Timestamp">Its timestamp.</param>
public sealed record DemoStatement(string Id, string Json, string PartnerId, DateTimeOffset Timestamp);

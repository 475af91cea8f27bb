namespace TrainingLrs.Reporting.Organisations;

/// <summary>A consumer-goods company in the programme; it reports on its own partners only.</summary>
/// <param name="Id">Stable slug, e.g. <c>northwind-foods</c>.</param>
/// <param name="Name">Display name.</param>
public sealed record Member(string Id, string Name);

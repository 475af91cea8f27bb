namespace TrainingLrs.Reporting.Completion;

/// <summary>A stored statement as the projection receives it from the LRS.</summary>
/// <param name="Id">Statement id.</param>
/// <param name="Json">The stored statement.</param>
/// <param name="Stored">When the LRS stored it.</param>
/// <param name="PartnerId">Partner of the credential that wrote it.</param>
/// <param name="VoidedStatementId">The statement it voids, for a voiding statement.</param>
public sealed record ProjectedStatement(string Id, string Json, DateTimeOffset Stored, string? PartnerId, string? VoidedStatementId);

/// <summary>Loads one stored statement by id; null when it is missing or has been voided.</summary>
public delegate ProjectedStatement? StatementLoader(string statementId);

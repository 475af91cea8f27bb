namespace TrainingLrs.Reporting.Completion;

/// <summary>A learner, known from the statements' actors.</summary>
/// <param name="Id">Opaque id (hash of the actor's identifier).</param>
/// <param name="Name">The actor's name as the LMS gave it, if any.</param>
/// <param name="PartnerId">The partner of the credential that wrote the learner's statements.</param>
/// <param name="AccountHomePage">The account's home page (the partner's LMS), if identified by an account.</param>
/// <param name="AccountName">The account name (the LMS's learner id), if identified by an account.</param>
/// <param name="FirstSeen">First statement's time.</param>
/// <param name="LastSeen">Latest statement's time.</param>
public sealed record Learner(string Id, string? Name, string? PartnerId, string? AccountHomePage, string? AccountName, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

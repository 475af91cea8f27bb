namespace TrainingLrs.Authoring.Courses;

/// <summary>The roll-out campaign a course belongs to: dates and what partners must complete.</summary>
/// <param name="Start">First day of the campaign.</param>
/// <param name="Deadline">Last day for required modules.</param>
/// <param name="RequiredModules">Module ids every learner must satisfy.</param>
/// <param name="LearnersPerPartner">How many learners each partner is expected to train.</param>
public sealed record Campaign(DateOnly? Start, DateOnly? Deadline, IReadOnlyList<string> RequiredModules, int LearnersPerPartner);

namespace TrainingLrs.Authoring.Courses;

/// <summary>A live webinar whose attendance counts for the listed modules.</summary>
/// <param name="Id">Stable webinar id.</param>
/// <param name="Title">Title per language code.</param>
/// <param name="Modules">Module ids the webinar covers.</param>
public sealed record Webinar(string Id, IReadOnlyDictionary<string, string> Title, IReadOnlyList<string> Modules);

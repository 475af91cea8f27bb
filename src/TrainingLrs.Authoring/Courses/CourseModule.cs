namespace TrainingLrs.Authoring.Courses;

/// <summary>One entry of the <c>modules:</c> list in <c>course.yml</c>, in course order.</summary>
/// <param name="Folder">Folder name under <c>modules/</c>, e.g. <c>01-why-this-matters</c>.</param>
/// <param name="PassMark">Pass mark in percent (0–100) for this module's assessment.</param>
/// <param name="MoveOn">cmi5 moveOn for this module.</param>
/// <param name="Line">Line of the entry in course.yml, for diagnostics.</param>
public sealed record CourseModule(string Folder, int PassMark, MoveOn MoveOn, int Line);

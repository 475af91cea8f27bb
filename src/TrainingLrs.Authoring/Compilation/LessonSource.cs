using TrainingLrs.Authoring.Courses;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>One module file as read from disk, before parsing.</summary>
/// <param name="Module">The course.yml entry.</param>
/// <param name="ModuleDirectory">Full path of the module folder.</param>
/// <param name="Language">The language this page is for.</param>
/// <param name="RelativePath">Path shown in diagnostics, relative to the content folder.</param>
/// <param name="Text">The file text.</param>
/// <param name="IsFallback">True when the language file was missing and the fallback language's file stands in.</param>
internal sealed record LessonSource(CourseModule Module, string ModuleDirectory, string Language, string RelativePath, string Text, bool IsFallback);

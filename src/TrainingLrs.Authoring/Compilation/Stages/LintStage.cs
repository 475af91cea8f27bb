using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Lint;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Checks each lesson as its module goes through, then the course as a whole.</summary>
internal static class LintStage
{
    public static void Check(CompileContext context, Lesson lesson)
    {
        // A fallback page repeats its source's problems; report them once, on the source.
        var bag = lesson.Source.IsFallback ? new DiagnosticBag() : context.Diagnostics;
        LessonLint.Check(lesson, bag);
    }

    public static void CheckCourse(CompileContext context) =>
        CourseLint.Check(context.Course!, context.Pages, context.Diagnostics);
}

using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Lint;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Checks each lesson, then the course as a whole.</summary>
internal static class LintStage
{
    public static void Run(CompileContext context)
    {
        Parallel.ForEach(context.Lessons, context.Parallel, lesson =>
        {
            // A fallback page repeats its source's problems; report them once, on the source.
            var bag = lesson.Source.IsFallback ? new DiagnosticBag() : context.Diagnostics;
            LessonLint.Check(lesson, bag);
        });
        CourseLint.Check(context.Course!, context.Lessons, context.Diagnostics);
    }
}

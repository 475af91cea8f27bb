using TrainingLrs.Authoring.Lint;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Checks every rendered page with AngleSharp against the files its package will hold.</summary>
internal static class VerifyStage
{
    public static void Run(CompileContext context)
    {
        // A fallback page renders the same Markdown as its source page, which is checked already.
        Parallel.ForEach(context.Lessons.Where(l => l.Html.Length > 0 && !l.Source.IsFallback), context.Parallel, lesson =>
            HtmlLint.Check(lesson, PackageLayout.Files(lesson, context.Assets.Keys), context.Diagnostics));
    }
}

using TrainingLrs.Authoring.Lint;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Checks a rendered page with AngleSharp against the files its package will hold.</summary>
internal static class VerifyStage
{
    public static void Check(CompileContext context, Lesson lesson)
    {
        // A fallback page renders the same Markdown as its source page, which is checked already.
        if (lesson.Html.Length > 0 && !lesson.Source.IsFallback)
        {
            HtmlLint.Check(lesson, PackageLayout.Files(lesson.PageFolder, lesson.Media.Values, context.Assets.Keys), context.Diagnostics);
        }
    }
}

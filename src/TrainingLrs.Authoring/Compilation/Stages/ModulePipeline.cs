namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>
/// Parse, lint, render and verify, one module at a time (modules in parallel). A module's Markdown trees
/// are dropped as soon as its pages are rendered and checked, so they die young: kept for the whole
/// compile, every garbage collection of the compile had to copy them, which cost a quarter of its time.
/// Each step still counts toward its own named stage; course-wide checks run once all modules are done.
/// </summary>
internal static class ModulePipeline
{
    public static void Run(CompileContext context)
    {
        var modules = context.Sources.GroupBy(s => s.Module).Select(g => (IReadOnlyList<LessonSource>)[.. g]).ToList();
        var render = context.Theme?.LessonTemplate is not null ? RenderStage.Prepare(context) : null;
        var pages = new IReadOnlyList<LessonPage>[modules.Count];
        var finished = 0;
        Parallel.For(0, modules.Count, context.Parallel, i =>
        {
            var folder = modules[i][0].Module.Folder;
            void Step(CompileStage stage, Action step)
            {
                context.Report(stage, Volatile.Read(ref finished), modules.Count, folder);
                context.Time(stage, step);
            }

            List<Lesson> lessons = [];
            Step(CompileStage.Parse, () => lessons = ParseStage.Parse(context, modules[i]));
            Step(CompileStage.Lint, () => lessons.ForEach(lesson => LintStage.Check(context, lesson)));

            // Rendering goes on despite content errors so broken anchors are reported in the same run.
            if (render is not null)
            {
                Step(CompileStage.Render, () => lessons.ForEach(lesson => RenderStage.Render(context, render, lesson)));
                Step(CompileStage.Verify, () => lessons.ForEach(lesson => VerifyStage.Check(context, lesson)));
            }

            // Compressing a page for the zips is packaging work, timed as such, but done here so the
            // compressed bytes, not the page text, are what stays in memory until packaging.
            var compress = PackageStage.BuildsZips(context);
            List<LessonPage> done = [];
            context.Time(CompileStage.Package, () => done = [.. lessons.Select(l => l.ToPage(compress))]);
            pages[i] = done;
            Interlocked.Increment(ref finished);
        });
        context.Pages.AddRange(pages.SelectMany(p => p));
        context.Time(CompileStage.Lint, () => LintStage.CheckCourse(context));
    }
}

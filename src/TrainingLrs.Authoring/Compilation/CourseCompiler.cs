using System.Diagnostics;
using TrainingLrs.Authoring.Compilation.Stages;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// The course compiler's front door: content folder in, web lessons and LMS packages out. Every problem
/// is collected and reported at once; on any error the previous output folder is left untouched.
/// </summary>
public static class CourseCompiler
{
    /// <summary>Compiles the course described by <paramref name="options"/>.</summary>
    /// <param name="options">Folders, formats and switches.</param>
    /// <param name="progress">Optional stage and item progress.</param>
    /// <param name="cancellationToken">Cancels between stages and items; the output folder is left untouched.</param>
    public static CompileResult Compile(CompileOptions options, IProgress<CompileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        // Checking only (no formats) must not replace the output folder with an empty one.
        var context = new CompileContext(options.Formats == PackageFormats.None ? options with { DryRun = true } : options, progress, cancellationToken);
        try
        {
            // Read course.yml, the theme and every module file.
            context.Run(CompileStage.Read, ReadStage.Run);
            if (context.Course is not null)
            {
                // Per module: parse Markdown and front matter; check blocks, ids, headings, links and media;
                // render each page through the theme template; check the rendered pages with AngleSharp.
                // Then check the course as a whole.
                ModulePipeline.Run(context);
            }

            if (!Failed(context))
            {
                // Write the web lessons to a staging folder beside the output.
                context.Run(CompileStage.Write, WriteStage.Run);
                // Build the SCORM 1.2, SCORM 2004 and cmi5 zips into it.
                context.Run(CompileStage.Package, PackageStage.Run);
                // Swap the staging folder in place of the output folder.
                context.Run(CompileStage.Publish, PublishStage.Run);
            }
        }
        catch (IOException ex)
        {
            context.Diagnostics.Error(context.OutputRoot, 0, 0, DiagnosticCodes.OutputError, "Writing the output failed: " + ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            context.Diagnostics.Error(context.OutputRoot, 0, 0, DiagnosticCodes.OutputError, "Writing the output failed: " + ex.Message);
        }
        finally
        {
            if (context.StagingRoot is { } staging && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return Result(context, watch.Elapsed);
    }

    private static bool Failed(CompileContext context) =>
        context.Diagnostics.HasErrors
        || (context.Options.WarningsAsErrors && context.Diagnostics.ToSortedList().Count > 0)
        || context.Course is null;

    private static CompileResult Result(CompileContext context, TimeSpan elapsed)
    {
        var diagnostics = context.Diagnostics.ToSortedList();
        var succeeded = !Failed(context);
        var modules = context.Pages
            .Where(l => l.FrontMatter is not null)
            .GroupBy(l => l.Source.Module)
            .Select(g => new CompiledModule(
                g.First().Id,
                g.Key.Folder,
                context.Course!.ActivityIri(g.First().Id),
                g.ToDictionary(l => l.Language, l => l.FrontMatter!.Title, StringComparer.Ordinal),
                g.First().PassMark,
                g.Key.MoveOn,
                g.First().FrontMatter!.DurationMinutes,
                [.. g.Where(l => !l.Source.IsFallback).Select(l => l.Language)]))
            .ToList();
        var web = succeeded && context.Options.Formats.HasFlag(PackageFormats.Web) && !context.Options.DryRun
            ? Path.Combine(context.OutputRoot, WriteStage.WebFolder)
            : null;
        return new CompileResult
        {
            Succeeded = succeeded,
            Diagnostics = diagnostics,
            OutputDirectory = context.OutputRoot,
            WebDirectory = web,
            Course = context.Course,
            Modules = modules,
            Packages = succeeded ? context.Packages : [],
            Summary = new CompileSummary(
                modules.Count,
                succeeded ? context.Pages.Count : 0,
                succeeded ? context.Packages.Count : 0,
                diagnostics.Count(d => d.IsError),
                diagnostics.Count(d => !d.IsError),
                elapsed,
                context.StageTimes),
        };
    }
}

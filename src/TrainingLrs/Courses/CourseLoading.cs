using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Courses;

/// <summary>The course as verbs without the server need it: checked, not written.</summary>
internal static class CourseLoading
{
    /// <summary>
    /// Reads and checks the content (nothing is written) and returns its catalog and course; without a
    /// content folder, an empty catalog. Content errors are a failure: completion must not be counted
    /// against a course that does not compile.
    /// </summary>
    public static ModuleCatalog Load(TrainingLrsSettings settings, TextWriter error)
    {
        if (!Directory.Exists(settings.Server.ContentDirectory))
        {
            error.WriteLine($"traininglrs: warning: no content folder at {Path.GetFullPath(settings.Server.ContentDirectory)}; no module will be counted");
            return ModuleCatalog.Empty;
        }

        var result = CourseCompiler.Compile(new CompileOptions
        {
            ContentDirectory = settings.Server.ContentDirectory,
            OutputDirectory = settings.Server.OutputDirectory,
            ThemesDirectory = settings.Server.ThemesDirectory,
            Formats = PackageFormats.None,
        });
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Errors)
            {
                error.WriteLine(diagnostic);
            }
            throw new Cli.CliFailure($"the content has {result.Errors.Count()} error(s); fix them first");
        }
        return CourseCatalog.From(result);
    }
}

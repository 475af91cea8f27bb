using System.CommandLine;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Courses;

namespace TrainingLrs.Cli;

/// <summary><c>build</c>: compile the content into lessons and packages, once or on every save.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var content = CommonOptions.Content();
        var outDir = CommonOptions.Out();
        var themes = CommonOptions.Themes();
        var format = new Option<string[]>("--format")
        {
            Description = "Formats to build: web, scorm12, scorm2004, cmi5 or all (repeatable; default all)",
            HelpName = "FORMAT",
            AllowMultipleArgumentsPerToken = true,
        };
        var coursePackages = new Option<bool>("--course-packages") { Description = "Also build one multi-module package per format and language" };
        var languages = new Option<string?>("--lang") { Description = "Only these languages, comma-separated (e.g. en,es)", HelpName = "LANGS" };
        var check = new Option<bool>("--check") { Description = "Check the content (parse, lint, render) and write nothing" };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors" };
        var watch = new Option<bool>("--watch") { Description = "Recompile on every save until Ctrl+C" };
        var command = new Command("build", "Compile the content into static lessons and SCORM 1.2, SCORM 2004 and cmi5 packages.")
        {
            content, outDir, themes, format, coursePackages, languages, check, warnAsError, watch,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CommonOptions.LoadSettings(
                ("Server:ContentDirectory", parse.GetValue(content)),
                ("Server:OutputDirectory", parse.GetValue(outDir)),
                ("Server:ThemesDirectory", parse.GetValue(themes)));
            var options = new CompileOptions
            {
                ContentDirectory = settings.Server.ContentDirectory,
                OutputDirectory = settings.Server.OutputDirectory,
                ThemesDirectory = settings.Server.ThemesDirectory,
                Formats = parse.GetValue(check) ? PackageFormats.None : ParseFormats(parse.GetValue(format)),
                CoursePackages = parse.GetValue(coursePackages),
                Languages = parse.GetValue(languages)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                WarningsAsErrors = parse.GetValue(warnAsError),
            };

            if (parse.GetValue(watch))
            {
                await CourseWatching.RunAsync(options, output, error, cancellationToken);
                return ExitCodes.Success;
            }

            output.WriteLine($"Compiling {Path.GetFullPath(options.ContentDirectory)} into {Path.GetFullPath(options.OutputDirectory)}");
            var result = CourseCompiler.Compile(options, CompileReporter.Progress(output), cancellationToken);
            CompileReporter.Write(result, output, error);
            if (!result.Succeeded)
            {
                throw new CliFailure($"{result.Errors.Count()} error(s); the previous output was left untouched");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static PackageFormats ParseFormats(string[]? names)
    {
        if (names is null || names.Length == 0)
        {
            return PackageFormats.All;
        }

        var formats = PackageFormats.None;
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            formats |= name.ToLowerInvariant() switch
            {
                "web" => PackageFormats.Web,
                "scorm12" => PackageFormats.Scorm12,
                "scorm2004" => PackageFormats.Scorm2004,
                "cmi5" => PackageFormats.Cmi5,
                "all" => PackageFormats.All,
                _ => throw new CliFailure($"--format: unknown format '{name}' (web, scorm12, scorm2004, cmi5, all)", ExitCodes.InvalidInput),
            };
        }
        return formats;
    }
}

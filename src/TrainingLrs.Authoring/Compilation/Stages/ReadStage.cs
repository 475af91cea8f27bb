using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Themes;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Reads course.yml, loads the theme and reads every module file (with language fallback).</summary>
internal static class ReadStage
{
    public const string ModulesFolder = "modules";

    public static void Run(CompileContext context)
    {
        var diagnostics = context.Diagnostics;
        var coursePath = Path.Combine(context.ContentRoot, CourseYamlReader.FileName);
        if (!File.Exists(coursePath))
        {
            diagnostics.Error(CourseYamlReader.FileName, 0, 0, DiagnosticCodes.ModuleMissing, $"No {CourseYamlReader.FileName} in {context.ContentRoot}.");
            return;
        }

        var course = CourseYamlReader.Read(File.ReadAllText(coursePath), diagnostics);
        if (course is null)
        {
            return;
        }

        context.Course = course;
        context.Languages = context.Options.Languages is { } only ? [.. course.Languages.Where(only.Contains)] : course.Languages;
        context.Theme = Theme.Load(context.Options.ThemesDirectory, context.Options.Theme ?? course.Theme, Path.Combine(context.ContentRoot, "theme"), diagnostics);
        context.Assets = context.Theme?.AssetFiles() ?? new(StringComparer.Ordinal);
        ReadModules(context, course);
        ReportUnlistedFolders(context, course);
    }

    private static void ReadModules(CompileContext context, CourseDefinition course)
    {
        var modulesRoot = Path.Combine(context.ContentRoot, ModulesFolder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in course.Modules)
        {
            if (!seen.Add(module.Folder))
            {
                context.Diagnostics.Error(CourseYamlReader.FileName, module.Line, 1, DiagnosticCodes.DuplicateId, $"Module '{module.Folder}' is listed twice.");
                continue;
            }

            var directory = Path.GetFullPath(Path.Combine(modulesRoot, module.Folder));
            if (module.Folder.Contains('/') || module.Folder.Contains('\\') || module.Folder.Contains("..") || Path.GetDirectoryName(directory) != modulesRoot)
            {
                context.Diagnostics.Error(CourseYamlReader.FileName, module.Line, 1, DiagnosticCodes.PathTraversal,
                    $"Refused module folder '{module.Folder}': it must be a folder name directly under {ModulesFolder}/.");
                continue;
            }

            var fallbackPath = Path.Combine(directory, course.FallbackLanguage + ".md");
            if (!File.Exists(fallbackPath))
            {
                context.Diagnostics.Error(CourseYamlReader.FileName, module.Line, 1, DiagnosticCodes.ModuleMissing,
                    $"Module '{module.Folder}' is listed but {ModulesFolder}/{module.Folder}/{course.FallbackLanguage}.md does not exist; write it or remove the entry.");
                continue;
            }

            var fallbackText = File.ReadAllText(fallbackPath);
            foreach (var language in context.Languages)
            {
                var file = Path.Combine(directory, language + ".md");
                var relative = $"{ModulesFolder}/{module.Folder}/{language}.md";
                if (File.Exists(file))
                {
                    context.Sources.Add(new LessonSource(module, directory, language, relative, language == course.FallbackLanguage ? fallbackText : File.ReadAllText(file), false));
                }
                else
                {
                    var fallbackRelative = $"{ModulesFolder}/{module.Folder}/{course.FallbackLanguage}.md";
                    context.Diagnostics.Warning(relative, 0, 0, DiagnosticCodes.TranslationFallback,
                        $"No '{language}' edition of module '{module.Folder}': the '{course.FallbackLanguage}' text is used.");
                    context.Sources.Add(new LessonSource(module, directory, language, fallbackRelative, fallbackText, true));
                }
            }
        }
    }

    private static void ReportUnlistedFolders(CompileContext context, CourseDefinition course)
    {
        var modulesRoot = Path.Combine(context.ContentRoot, ModulesFolder);
        if (!Directory.Exists(modulesRoot))
        {
            return;
        }

        var listed = course.Modules.Select(m => m.Folder).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(modulesRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (!listed.Contains(name))
            {
                context.Diagnostics.Error($"{ModulesFolder}/{name}", 0, 0, DiagnosticCodes.ModuleNotListed,
                    $"Module folder '{name}' is not listed under 'modules:' in {CourseYamlReader.FileName}; add it (in course order) or remove the folder.");
            }
        }
    }
}

using System.CommandLine;
using TrainingLrs.Configuration;
using TrainingLrs.Courses;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Cli;

/// <summary>Options several verbs share, and how they override configuration.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data") { Description = "Folder of the embedded LiteDB database (default: ./data, or Server:DataDirectory)", HelpName = "DIR" };

    public static Option<string?> Content() => new("--content") { Description = "Folder of the course content (default: ./content, or Server:ContentDirectory)", HelpName = "DIR" };

    public static Option<string?> Out() => new("--out") { Description = "Folder for compiled lessons and packages (default: ./dist, or Server:OutputDirectory)", HelpName = "DIR" };

    public static Option<string?> Themes() => new("--themes") { Description = "Folder of the themes (default: ./themes, or Server:ThemesDirectory)", HelpName = "DIR" };

    /// <summary>Loads settings with the given command-line values (null ones are not given) on top.</summary>
    public static TrainingLrsSettings LoadSettings(params (string Key, string? Value)[] given)
    {
        var overrides = given.Where(g => g.Value is not null).ToDictionary(g => g.Key, g => g.Value);
        try
        {
            return SettingsLoader.Load(SettingsLoader.BuildConfiguration(overrides));
        }
        catch (InvalidSettingsException e)
        {
            throw new CliFailure(e.Message, ExitCodes.InvalidInput);
        }
    }

    /// <summary>
    /// Settings for a verb that needs the course (the data, content and themes folders given on the
    /// command line win) and the course's module catalog, with its warnings written to <paramref name="error"/>.
    /// </summary>
    public static (TrainingLrsSettings Settings, ModuleCatalog Catalog) LoadCourse(
        ParseResult parse, Option<string?> data, Option<string?> content, Option<string?> themes, TextWriter error)
    {
        var settings = LoadSettings(
            ("Server:DataDirectory", parse.GetValue(data)),
            ("Server:ContentDirectory", parse.GetValue(content)),
            ("Server:ThemesDirectory", parse.GetValue(themes)));
        return (settings, CourseLoading.Load(settings, error));
    }
}

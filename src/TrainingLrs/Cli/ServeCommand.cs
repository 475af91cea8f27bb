using System.CommandLine;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Watching;
using TrainingLrs.Courses;
using TrainingLrs.Hosting;
using TrainingLrs.Lessons;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Demo;

namespace TrainingLrs.Cli;

/// <summary><c>serve</c>: compile the content, then serve everything until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string?>("--urls") { Description = "Semicolon-separated URLs to listen on (default http://127.0.0.1:5000; port 0 picks a free one)", HelpName = "URL" };
        var data = CommonOptions.Data();
        var content = CommonOptions.Content();
        var outDir = CommonOptions.Out();
        var themes = CommonOptions.Themes();
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with a generated programme (12 members, 600 partners, ~30,000 learners) mid-campaign" };
        var demoPartners = new Option<int>("--demo-partners") { Description = "Partners in the demo set (default 600)", DefaultValueFactory = _ => 600, HelpName = "N" };
        var watch = new Option<bool>("--watch") { Description = "Recompile on every save and reload open lessons; compile errors show on the page" };
        var command = new Command("serve", "Compile the content and serve lessons, the xAPI LRS, OData, the dashboard and /health on an embedded LiteDB file.")
        {
            urls, data, content, outDir, themes, watch, demo, demoPartners,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CommonOptions.LoadSettings(
                ("Server:Urls", parse.GetValue(urls)),
                ("Server:DataDirectory", parse.GetValue(data)),
                ("Server:ContentDirectory", parse.GetValue(content)),
                ("Server:OutputDirectory", parse.GetValue(outDir)),
                ("Server:ThemesDirectory", parse.GetValue(themes)));
            var compile = new CompileOptions
            {
                ContentDirectory = settings.Server.ContentDirectory,
                OutputDirectory = settings.Server.OutputDirectory,
                ThemesDirectory = settings.Server.ThemesDirectory,
            };
            // A bad data folder is the likelier mistake and fails in one line; find it before a compile runs.
            LrsDatabase.Open(settings.Server.DataDirectory).Dispose();

            LessonSite? site = null;
            CourseWatcher? watcher = null;
            if (Directory.Exists(compile.ContentDirectory))
            {
                site = new LessonSite(compile.OutputDirectory, parse.GetValue(watch));
                watcher = site.Watching ? CourseWatching.Start(compile, output, error, site.Publish) : null;
                if (!site.Watching)
                {
                    output.WriteLine($"Compiling {Path.GetFullPath(compile.ContentDirectory)}");
                    var result = CourseCompiler.Compile(compile, cancellationToken: cancellationToken);
                    CompileReporter.Write(result, output, error);
                    if (!result.Succeeded)
                    {
                        throw new CliFailure($"the content has {result.Errors.Count()} error(s); fix them or use --watch to serve while editing");
                    }
                    site.Publish(result);
                }
            }
            else
            {
                // An LRS-only deployment has no course folder; say so rather than refuse to start.
                error.WriteLine($"traininglrs: warning: no content folder at {Path.GetFullPath(compile.ContentDirectory)}; serving without lessons");
            }

            using var _ = watcher;
            var catalog = site?.Latest is { } latest ? CourseCatalog.From(latest) : ModuleCatalog.Empty;
            if (parse.GetValue(demo))
            {
                catalog = DemoSeeder.InProgress(catalog, DateTimeOffset.UtcNow);
            }
            await using var server = await TrainingLrsServer.StartAsync(settings, cancellationToken, catalog, site);
            var demoKey = parse.GetValue(demo) ? await DemoSeeder.SeedAsync(server.Services, new DemoOptions(Partners: Math.Max(1, parse.GetValue(demoPartners))), output, cancellationToken) : null;
            await ServerBanner.WriteAsync(output, server, settings);
            if (demoKey is not null)
            {
                await output.WriteLineAsync($"Demo member reporting key ({demoKey.Credential.Name}): key {demoKey.Credential.Key} secret {demoKey.Secret}");
            }
            await server.WaitForShutdownAsync(cancellationToken);
            await output.WriteLineAsync("Stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}

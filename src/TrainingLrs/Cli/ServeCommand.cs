using System.CommandLine;
using TrainingLrs.Hosting;

namespace TrainingLrs.Cli;

/// <summary><c>serve</c>: compile the content, then serve everything until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output)
    {
        var urls = new Option<string?>("--urls") { Description = "Semicolon-separated URLs to listen on (default http://127.0.0.1:5000; port 0 picks a free one)", HelpName = "URL" };
        var data = CommonOptions.Data();
        var content = CommonOptions.Content();
        var outDir = CommonOptions.Out();
        var command = new Command("serve", "Compile the content and serve lessons, the xAPI LRS, OData, the dashboard and /health on an embedded LiteDB file.")
        {
            urls, data, content, outDir,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CommonOptions.LoadSettings(
                ("Server:Urls", parse.GetValue(urls)),
                ("Server:DataDirectory", parse.GetValue(data)),
                ("Server:ContentDirectory", parse.GetValue(content)),
                ("Server:OutputDirectory", parse.GetValue(outDir)));

            await using var server = await TrainingLrsServer.StartAsync(settings, cancellationToken);
            await ServerBanner.WriteAsync(output, server, settings);
            await server.WaitForShutdownAsync(cancellationToken);
            await output.WriteLineAsync("Stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}

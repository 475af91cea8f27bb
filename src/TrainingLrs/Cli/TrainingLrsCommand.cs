using System.CommandLine;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Cli;

/// <summary>The <c>traininglrs</c> command line: one root with a verb per capability.</summary>
public static class TrainingLrsCommand
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Create(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (e is CliFailure or StorageUnavailableException or ServerStartException)
        {
            await error.WriteLineAsync($"traininglrs: error: {e.Message}");
            return e is CliFailure failure ? failure.ExitCode : ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("TrainingLrs: compile the labor-rights training, serve lessons, the xAPI LRS, OData reporting and the dashboard.");
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(KeysCommand.Create(output));
        root.Subcommands.Add(BuildCommand.Create(output, error));
        root.Subcommands.Add(ImportCommand.Create(output, error));
        root.Subcommands.Add(PackageCommand.Create(output, error));
        root.Subcommands.Add(CompletionsCommand.Create(output, error));
        root.Subcommands.Add(PrivacyCommand.Create(output, error));
        return root;
    }
}

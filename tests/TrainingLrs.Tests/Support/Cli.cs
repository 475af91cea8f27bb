using TrainingLrs.Cli;

namespace TrainingLrs.Tests.Support;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await TrainingLrsCommand.RunAsync(args, output, error);
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}

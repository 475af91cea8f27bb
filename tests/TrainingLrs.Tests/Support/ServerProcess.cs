using System.Diagnostics;
using System.Text;

namespace TrainingLrs.Tests.Support;

/// <summary>Runs the built <c>traininglrs</c> executable as a real child process.</summary>
public static class ServerProcess
{
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "traininglrs.dll");

    /// <summary>Runs a verb to completion (with a time limit) and returns its exit code and output.</summary>
    public static async Task<Cli.Result> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Cli.Result(process.ExitCode, await output, await error);
    }

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("could not start traininglrs");
    }
}

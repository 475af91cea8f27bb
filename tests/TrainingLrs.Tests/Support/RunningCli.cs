using System.Text.RegularExpressions;
using TrainingLrs.Cli;

namespace TrainingLrs.Tests.Support;

/// <summary>
/// A long-running verb (<c>serve</c>) started in-process on a background task, stopped by cancelling
/// its token the way Ctrl+C does.
/// </summary>
public sealed partial class RunningCli : IAsyncDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    // The verb writes through these from its own threads; TextWriter.Synchronized locks the wrapper
    // itself, so reading the text must take the same lock.
    private readonly TextWriter _outputWriter;
    private readonly TextWriter _errorWriter;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    private RunningCli(string[] args)
    {
        _outputWriter = TextWriter.Synchronized(_output);
        _errorWriter = TextWriter.Synchronized(_error);
        _run = Task.Run(() => TrainingLrsCommand.RunAsync(args, _outputWriter, _errorWriter, _stop.Token));
    }

    public string Output { get { lock (_outputWriter) { return _output.ToString(); } } }

    public string Error { get { lock (_errorWriter) { return _error.ToString(); } } }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts <c>serve</c> and waits until it prints the address it listens on.</summary>
    public static async Task<RunningCli> ServeAsync(params string[] args)
    {
        var cli = new RunningCli(["serve", "--urls", "http://127.0.0.1:0", .. args]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var match = ListeningLine().Match(cli.Output);
            if (match.Success)
            {
                cli.BaseAddress = new Uri(match.Groups[1].Value);
                return cli;
            }
            if (cli._run.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with {await cli._run}: {cli.Error}");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("serve did not print its address within 30 s: " + cli.Output + cli.Error);
    }

    /// <summary>Stops the verb as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[^\s,]+)")]
    private static partial Regex ListeningLine();
}

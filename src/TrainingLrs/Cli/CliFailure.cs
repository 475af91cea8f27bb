namespace TrainingLrs.Cli;

/// <summary>A verb failed for a reason the user can act on; printed as one line, exit code <see cref="ExitCode"/>.</summary>
public sealed class CliFailure(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;
    /// <summary>The work failed (compile errors, a missing key, a database in use).</summary>
    public const int Failure = 1;
    /// <summary>The command line or configuration is invalid.</summary>
    public const int InvalidInput = 2;
}

namespace TrainingLrs.Hosting;

/// <summary>The server could not start listening; the message is one line, fit for a user.</summary>
public sealed class ServerStartException(string message) : Exception(message);

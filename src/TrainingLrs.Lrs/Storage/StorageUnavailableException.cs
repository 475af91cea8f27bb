namespace TrainingLrs.Lrs.Storage;

/// <summary>The data folder or database file cannot be used. The message is one line, fit for a user.</summary>
public sealed class StorageUnavailableException(string message) : Exception(message);

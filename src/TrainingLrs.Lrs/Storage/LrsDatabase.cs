using LiteDB;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// The one embedded LiteDB database of a process. Everything that stores data takes it from here, so
/// there is a single <see cref="LiteDatabase"/> per process (LiteDB's own rule for direct mode).
/// </summary>
public sealed class LrsDatabase : IDisposable
{
    /// <summary>The database file name inside the data folder.</summary>
    public const string FileName = "traininglrs.db";

    private readonly FileStream _processLock;

    private LrsDatabase(LiteDatabase database, string filePath, FileStream processLock)
    {
        Database = database;
        FilePath = filePath;
        _processLock = processLock;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    internal LiteDatabase Database { get; }

    /// <summary>
    /// Builds LiteDB's mapping of a stored class before any concurrent use. LiteDB publishes a class's
    /// mapping before it has filled in its members, so two threads mapping a class for the first time
    /// at once can store a document without its properties (seen: a credential stored without its
    /// secret hash). Call it from the static constructor of the only store that uses the class.
    /// </summary>
    internal static void PrepareMapping<T>()
        where T : new() => BsonMapper.Global.ToDocument(new T());

    /// <summary>
    /// Opens (creating when needed) the database in <paramref name="dataDirectory"/>.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The folder or file cannot be used; the message says why in one line.</exception>
    public static LrsDatabase Open(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        if (File.Exists(directory))
        {
            throw new StorageUnavailableException($"data folder '{directory}' is a file, not a folder");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"cannot create data folder '{directory}': {e.Message}");
        }

        var filePath = Path.Combine(directory, FileName);
        var processLock = AcquireProcessLock(filePath);
        try
        {
            var database = new LiteDatabase(new ConnectionString
            {
                Filename = filePath,
                Connection = ConnectionType.Direct,
            });
            // Touching the engine surfaces a locked or corrupt file here rather than on the first request.
            _ = database.GetCollectionNames().Count();
            return new LrsDatabase(database, filePath, processLock);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            processLock.Dispose();
            throw new StorageUnavailableException($"cannot open database '{filePath}': {e.Message}");
        }
    }

    // LiteDB's direct mode does not stop a second process from opening the same file on Linux, and two
    // writers corrupt it. An exclusive lock file (flock under .NET on Unix) makes the second one fail
    // with a clear message instead.
    private static FileStream AcquireProcessLock(string filePath)
    {
        var lockPath = filePath + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            throw new StorageUnavailableException(
                $"database '{filePath}' is in use by another process (a running 'traininglrs serve'?); stop it, or use the HTTP admin API while it runs");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StorageUnavailableException($"cannot use data folder '{Path.GetDirectoryName(filePath)}': {e.Message}");
        }
    }

    /// <summary>Whether the database answers; used by <c>/health</c>.</summary>
    public bool IsHealthy()
    {
        try
        {
            _ = Database.UserVersion;
            return true;
        }
        catch (Exception e) when (e is LiteException or ObjectDisposedException or IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Database.Dispose();
        _processLock.Dispose();
    }
}

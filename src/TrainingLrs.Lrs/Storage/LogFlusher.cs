using System.Reflection;
using LiteDB;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// Forces LiteDB's log file to the disk. LiteDB 5.0.21 writes every commit to its log file with
/// <c>pwrite</c> (so a commit survives a killed process) but only fsyncs at checkpoints, so an OS
/// crash or power loss can lose recent commits. LiteDB exposes no flush call; the log stream is
/// reached by reflection and checked at start-up so that a LiteDB upgrade fails loudly, not silently.
/// </summary>
internal sealed class LogFlusher
{
    private readonly object _disk;
    private readonly FieldInfo _writerField;

    private LogFlusher(object disk, FieldInfo writerField)
    {
        _disk = disk;
        _writerField = writerField;
    }

    public static LogFlusher Create(LiteDatabase database)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.NonPublic;
        var engine = typeof(LiteDatabase).GetField("_engine", Flags)?.GetValue(database);
        var disk = engine?.GetType().GetField("_disk", Flags)?.GetValue(engine);
        var writer = disk?.GetType().GetField("_writer", Flags);
        if (disk is null || writer?.FieldType != typeof(Lazy<Stream>))
        {
            throw new StorageUnavailableException(
                "FlushToDiskBeforeAcknowledging needs LiteDB 5.0.x internals that this LiteDB version does not have");
        }
        return new LogFlusher(disk, writer);
    }

    public void Flush()
    {
        if (_writerField.GetValue(_disk) is Lazy<Stream> { IsValueCreated: true, Value: FileStream stream })
        {
            stream.Flush(flushToDisk: true);
        }
    }
}

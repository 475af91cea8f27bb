using System.IO.Compression;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Writes zips whose bytes depend only on their content: entries sorted by path and one fixed
/// timestamp, so rebuilding unchanged content gives an identical file (cache- and diff-friendly).
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream output, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> entries)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, bytes) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var entry = archive.CreateEntry(path, CompressionLevel.Fastest);
            entry.LastWriteTime = FixedTime;
            using var stream = entry.Open();
            stream.Write(bytes.Span);
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Writes zips whose bytes depend only on their content: entries sorted by path and one fixed
/// timestamp, so rebuilding unchanged content gives an identical file (cache- and diff-friendly).
/// </summary>
/// <remarks>
/// Entries arrive already compressed (<see cref="CompressedEntry"/>) and are copied in as they are, so
/// this writes the zip container itself (APPNOTE 6.3: local headers, central directory, end record; no
/// zip64, no data descriptors). ZipArchive can only compress again for every package, and SharpZipLib's
/// pass-through entries allocate a whole deflater per zip; both cost more than the rest of the compile.
/// </remarks>
internal static class DeterministicZip
{
    private const ushort VersionNeeded = 20;        // 2.0: deflate
    private const ushort Utf8Names = 1 << 11;       // general purpose flag bit 11
    private const ushort Stored = 0;
    private const ushort Deflated = 8;
    private const ushort DosTime = 0;               // 00:00:00
    private const ushort DosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;   // 2026-01-01
    private const int LocalHeaderSize = 30;
    private const int CentralHeaderSize = 46;
    private const int EndRecordSize = 22;

    /// <summary>The zip's exact size, to size the buffer once.</summary>
    public static int EstimateSize(IReadOnlyDictionary<string, CompressedEntry> entries) =>
        entries.Sum(e => e.Value.Data.Length + LocalHeaderSize + CentralHeaderSize + (2 * Encoding.UTF8.GetByteCount(e.Key))) + EndRecordSize;

    public static void Write(Stream output, IReadOnlyDictionary<string, CompressedEntry> entries)
    {
        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (Name: Encoding.UTF8.GetBytes(e.Key), Entry: e.Value)).ToList();
        if (sorted.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException($"A package of {sorted.Count} files needs zip64, which is not written.");
        }

        Span<byte> header = stackalloc byte[CentralHeaderSize];
        var offsets = new uint[sorted.Count];
        var position = 0u;
        for (var i = 0; i < sorted.Count; i++)
        {
            var (name, entry) = sorted[i];
            offsets[i] = position;
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            WriteCommon(header[4..], entry, name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);   // extra field length
            output.Write(header[..LocalHeaderSize]);
            output.Write(name);
            output.Write(entry.Data);
            position = checked(position + (uint)(LocalHeaderSize + name.Length + entry.Data.Length));
        }

        var directory = position;
        for (var i = 0; i < sorted.Count; i++)
        {
            var (name, entry) = sorted[i];
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            // Made by MS-DOS (0): no Unix mode bits, so unzip gives extracted files the default permissions.
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionNeeded);
            WriteCommon(header[6..], entry, name.Length);
            // Extra, comment, disk, internal and external attributes stay zero.
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offsets[i]);
            output.Write(header);
            output.Write(name);
            position = checked(position + (uint)(CentralHeaderSize + name.Length));
        }

        Span<byte> end = stackalloc byte[EndRecordSize];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)sorted.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)sorted.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], position - directory);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], directory);
        output.Write(end);
    }

    // The fields local and central headers share, from "version needed" to "file name length".
    private static void WriteCommon(Span<byte> span, CompressedEntry entry, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], Utf8Names);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], entry.IsDeflated ? Deflated : Stored);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[10..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], checked((uint)entry.Data.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], checked((uint)entry.Size));
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], checked((ushort)nameLength));
    }
}

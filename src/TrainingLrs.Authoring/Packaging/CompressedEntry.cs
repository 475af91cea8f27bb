using System.IO.Compression;
using System.IO.Hashing;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// A file's content compressed once, with the CRC and sizes a zip entry needs. The same theme asset,
/// page or schema goes into many packages; compressing it once and copying the bytes into each zip is
/// what makes packaging cheap.
/// </summary>
internal sealed class CompressedEntry
{
    private CompressedEntry(byte[] data, bool deflated, long size, uint crc)
    {
        Data = data;
        IsDeflated = deflated;
        Size = size;
        Crc = crc;
    }

    /// <summary>The entry's bytes as stored in the zip: raw deflate data, or the content itself.</summary>
    public byte[] Data { get; }

    /// <summary>True for deflate; false when deflate did not make it smaller (images, video) and it is stored.</summary>
    public bool IsDeflated { get; }

    /// <summary>Uncompressed length in bytes.</summary>
    public long Size { get; }

    /// <summary>CRC-32 of the uncompressed content.</summary>
    public uint Crc { get; }

    /// <summary>An entry stored as it is, for content made once per package (a manifest of 2–3 KB): setting up a deflater costs more than deflate saves there.</summary>
    public static CompressedEntry Store(byte[] content) => new(content, deflated: false, content.Length, Crc32.HashToUInt32(content));

    public static CompressedEntry Compress(byte[] content)
    {
        using var buffer = new MemoryStream((content.Length / 3) + 64);
        // Fastest (zlib-ng level 1) is what ZipArchive used before: same package sizes, a fraction of the time.
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(content);
        }

        var crc = Crc32.HashToUInt32(content);
        return buffer.Length < content.Length
            ? new CompressedEntry(buffer.ToArray(), deflated: true, content.Length, crc)
            : new CompressedEntry(content, deflated: false, content.Length, crc);
    }
}

using System.IO.Compression;
using System.Text;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Tests.Packaging;

/// <summary>The zip writer's output read back with System.IO.Compression, which checks every CRC.</summary>
public sealed class DeterministicZipTests
{
    [Fact]
    public void Written_zip_reads_back_with_every_file_intact_in_path_order()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["imsmanifest.xml"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<file href=\"assets/lesson.css\"/>\n", 200))),
            ["assets/empty.js"] = [],
            ["m/en/media/niño.bin"] = random,
        };
        var entries = files.ToDictionary(f => f.Key, f => CompressedEntry.Compress(f.Value), StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        DeterministicZip.Write(buffer, entries);
        Assert.Equal(DeterministicZip.EstimateSize(entries), buffer.Length);

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var content = new MemoryStream();
            stream.CopyTo(content);
            Assert.Equal(files[entry.FullName], content.ToArray());
            Assert.Equal(new DateTime(2026, 1, 1), entry.LastWriteTime.DateTime);
        }

        // Random bytes do not deflate: stored as they are rather than made bigger.
        Assert.False(entries["m/en/media/niño.bin"].IsDeflated);
        Assert.True(entries["imsmanifest.xml"].IsDeflated);
    }
}

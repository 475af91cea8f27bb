using System.IO.Compression;
using System.Xml.Linq;

namespace TrainingLrs.Authoring.Tests.Support;

/// <summary>Opens a package zip and reads its manifest and entries.</summary>
internal sealed class PackageReader : IDisposable
{
    private readonly ZipArchive _zip;

    public PackageReader(string path)
    {
        _zip = ZipFile.OpenRead(path);
    }

    public IReadOnlyList<string> Entries => [.. _zip.Entries.Select(e => e.FullName)];

    public Stream Open(string entry) => (_zip.GetEntry(entry) ?? throw new FileNotFoundException(entry)).Open();

    public string ReadText(string entry)
    {
        using var reader = new StreamReader(Open(entry));
        return reader.ReadToEnd();
    }

    public XDocument Xml(string entry)
    {
        using var stream = Open(entry);
        return XDocument.Load(stream);
    }

    public void Dispose() => _zip.Dispose();
}

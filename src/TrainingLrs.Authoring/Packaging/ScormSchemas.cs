using System.Xml.Linq;
using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// The official schema files a SCORM package carries at its root, and the <c>xsi:schemaLocation</c>
/// that names them in <c>imsmanifest.xml</c>. Some LMS importers and ADL's conformance checks look for
/// them there. They are control documents, not content, so no resource lists them as a <c>&lt;file&gt;</c>.
/// </summary>
internal static class ScormSchemas
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>SCORM 1.2: content packaging, metadata and ADL extensions, as in ADL's own packages.</summary>
    public const string Scorm12Location =
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
        + "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
        + "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd";

    /// <summary>SCORM 2004 4th Edition: content packaging, ADL extensions, sequencing and navigation.</summary>
    public const string Scorm2004Location =
        "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
        + "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        + "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
        + "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
        + "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd";

    // They never change, so they are read and compressed once per process, not once per compile.
    private static readonly Lazy<IReadOnlyList<(string Name, CompressedEntry Entry)>> Scorm12 = new(() => Load("scorm12"));
    private static readonly Lazy<IReadOnlyList<(string Name, CompressedEntry Entry)>> Scorm2004 = new(() => Load("scorm2004"));

    /// <summary>The schema files (and the DTDs they use) for a package format, by file name; none for cmi5.</summary>
    public static IReadOnlyList<(string Name, CompressedEntry Entry)> Files(PackageFormats format) => format switch
    {
        PackageFormats.Scorm12 => Scorm12.Value,
        PackageFormats.Scorm2004 => Scorm2004.Value,
        _ => [],
    };

    private static IReadOnlyList<(string Name, CompressedEntry Entry)> Load(string folder)
    {
        var assembly = typeof(ScormSchemas).Assembly;
        var prefix = $"Schemas/{folder}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (n[prefix.Length..], CompressedEntry.Compress(copy.ToArray()));
            })];
    }
}

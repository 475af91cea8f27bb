using System.Xml;
using System.Xml.Schema;

namespace TrainingLrs.Authoring.Tests.Support;

/// <summary>
/// Validates manifests against the official XSDs in ../shared/xsd. The schemas are copied into the
/// test's own folder first, with the known .NET traps fixed in the copy: the illegal xmlns attribute
/// in ims_xml.xsd and imsmd's ##any wildcard (made ##other); xml.xsd is read with DTD processing on.
/// Warnings count as errors.
/// </summary>
internal static class ManifestSchemas
{
    public static XmlSchemaSet Scorm12(TempFolder temp) => Load(temp, "scorm12", ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"]);

    public static XmlSchemaSet Scorm2004(TempFolder temp) =>
        Load(temp, "scorm2004", ["imscp_v1p1.xsd", "adlcp_v1p3.xsd", "imsss_v1p0.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd"]);

    public static XmlSchemaSet Cmi5(TempFolder temp) => Load(temp, "cmi5", ["CourseStructure.xsd"]);

    public static List<string> Validate(XmlSchemaSet schemas, Stream xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Load(TempFolder temp, string folder, string[] roots)
    {
        var target = temp.Combine("xsd-" + folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Xsd, folder)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            if (name == "ims_xml.xsd")
            {
                text = text.Replace("xmlns=\"http://www.w3.org/XML/1998/namespace\"", "");
            }
            else if (name.StartsWith("imsmd", StringComparison.Ordinal))
            {
                text = text.Replace("namespace=\"##any\"", "namespace=\"##other\"");
            }

            File.WriteAllText(Path.Combine(target, name), text);
        }

        var problems = new List<string>();
        var resolver = new XmlUrlResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        set.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver };
        if (File.Exists(Path.Combine(target, "xml.xsd")))
        {
            using var xmlReader = XmlReader.Create(Path.Combine(target, "xml.xsd"), readerSettings);
            set.Add(null, xmlReader);
        }

        foreach (var root in roots)
        {
            using var reader = XmlReader.Create(Path.Combine(target, root), readerSettings);
            set.Add(null, reader);
        }

        set.Compile();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Schema set did not load cleanly:\n" + string.Join("\n", problems));
        }

        return set;
    }
}

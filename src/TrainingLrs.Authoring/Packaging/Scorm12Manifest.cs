using System.Globalization;
using System.Xml.Linq;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Writes <c>imsmanifest.xml</c> for SCORM 1.2: one SCO per module, shared theme files in an asset
/// resource, <c>adlcp:scormtype</c> in lower case and <c>adlcp:masteryscore</c> (0–100) after the title.
/// <c>xsi:schemaLocation</c> names the schema files shipped beside it.
/// </summary>
internal static class Scorm12Manifest
{
    private static readonly XNamespace Ims = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    private static readonly XNamespace Adlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

    public static XDocument Build(PackageSpec spec)
    {
        var organization = new XElement(Ims + "organization", new XAttribute("identifier", "ORG"), new XElement(Ims + "title", spec.Title));
        var resources = new XElement(Ims + "resources");
        foreach (var item in spec.Items)
        {
            organization.Add(new XElement(Ims + "item",
                new XAttribute("identifier", "ITEM-" + item.ModuleId),
                new XAttribute("identifierref", "RES-" + item.ModuleId),
                new XAttribute("isvisible", "true"),
                new XElement(Ims + "title", item.Title),
                new XElement(Adlcp + "masteryscore", item.PassMark.ToString(CultureInfo.InvariantCulture))));
            resources.Add(new XElement(Ims + "resource",
                new XAttribute("identifier", "RES-" + item.ModuleId),
                new XAttribute("type", "webcontent"),
                new XAttribute(Adlcp + "scormtype", "sco"),
                new XAttribute("href", item.Href),
                item.Files.Select(f => new XElement(Ims + "file", new XAttribute("href", f))),
                new XElement(Ims + "dependency", new XAttribute("identifierref", "RES-ASSETS"))));
        }

        resources.Add(new XElement(Ims + "resource",
            new XAttribute("identifier", "RES-ASSETS"),
            new XAttribute("type", "webcontent"),
            new XAttribute(Adlcp + "scormtype", "asset"),
            spec.SharedFiles.Select(f => new XElement(Ims + "file", new XAttribute("href", f)))));

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ims + "manifest",
                new XAttribute("identifier", spec.Identifier),
                new XAttribute("version", "1.0"),
                new XAttribute(XNamespace.Xmlns + "adlcp", Adlcp),
                new XAttribute(XNamespace.Xmlns + "xsi", ScormSchemas.Xsi),
                new XAttribute(ScormSchemas.Xsi + "schemaLocation", ScormSchemas.Scorm12Location),
                new XElement(Ims + "metadata",
                    new XElement(Ims + "schema", "ADL SCORM"),
                    new XElement(Ims + "schemaversion", "1.2")),
                new XElement(Ims + "organizations", new XAttribute("default", "ORG"), organization),
                resources));
    }
}

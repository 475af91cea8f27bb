using System.Globalization;
using System.Xml.Linq;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Writes <c>imsmanifest.xml</c> for SCORM 2004 4th Edition. Each SCO's primary objective is satisfied
/// by measure against the pass mark, and delivery controls leave completion and success to the content,
/// so the LMS never marks a lesson complete just because it was launched. <c>xsi:schemaLocation</c> names
/// the schema files shipped beside it.
/// </summary>
internal static class Scorm2004Manifest
{
    private static readonly XNamespace Ims = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static readonly XNamespace Adlcp = "http://www.adlnet.org/xsd/adlcp_v1p3";
    private static readonly XNamespace Imsss = "http://www.imsglobal.org/xsd/imsss";

    public static XDocument Build(PackageSpec spec)
    {
        var organization = new XElement(Ims + "organization", new XAttribute("identifier", "ORG"), new XElement(Ims + "title", spec.Title));
        var resources = new XElement(Ims + "resources");
        foreach (var item in spec.Items)
        {
            organization.Add(new XElement(Ims + "item",
                new XAttribute("identifier", "ITEM-" + item.ModuleId),
                new XAttribute("identifierref", "RES-" + item.ModuleId),
                new XElement(Ims + "title", item.Title),
                new XElement(Imsss + "sequencing",
                    new XElement(Imsss + "objectives",
                        new XElement(Imsss + "primaryObjective",
                            new XAttribute("objectiveID", "PRIMARY-" + item.ModuleId),
                            new XAttribute("satisfiedByMeasure", "true"),
                            new XElement(Imsss + "minNormalizedMeasure", (item.PassMark / 100m).ToString("0.00", CultureInfo.InvariantCulture)))),
                    new XElement(Imsss + "deliveryControls",
                        new XAttribute("completionSetByContent", "true"),
                        new XAttribute("objectiveSetByContent", "true")))));
            resources.Add(new XElement(Ims + "resource",
                new XAttribute("identifier", "RES-" + item.ModuleId),
                new XAttribute("type", "webcontent"),
                new XAttribute(Adlcp + "scormType", "sco"),
                new XAttribute("href", item.Href),
                item.Files.Select(f => new XElement(Ims + "file", new XAttribute("href", f))),
                new XElement(Ims + "dependency", new XAttribute("identifierref", "RES-ASSETS"))));
        }

        // Learners move freely between modules of a multi-module package.
        organization.Add(new XElement(Imsss + "sequencing",
            new XElement(Imsss + "controlMode", new XAttribute("choice", "true"), new XAttribute("flow", "true"))));
        resources.Add(new XElement(Ims + "resource",
            new XAttribute("identifier", "RES-ASSETS"),
            new XAttribute("type", "webcontent"),
            new XAttribute(Adlcp + "scormType", "asset"),
            spec.SharedFiles.Select(f => new XElement(Ims + "file", new XAttribute("href", f)))));

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ims + "manifest",
                new XAttribute("identifier", spec.Identifier),
                new XAttribute("version", "1"),
                new XAttribute(XNamespace.Xmlns + "adlcp", Adlcp),
                new XAttribute(XNamespace.Xmlns + "imsss", Imsss),
                new XAttribute(XNamespace.Xmlns + "xsi", ScormSchemas.Xsi),
                new XAttribute(ScormSchemas.Xsi + "schemaLocation", ScormSchemas.Scorm2004Location),
                new XElement(Ims + "metadata",
                    new XElement(Ims + "schema", "ADL SCORM"),
                    new XElement(Ims + "schemaversion", "2004 4th Edition")),
                new XElement(Ims + "organizations", new XAttribute("default", "ORG"), organization),
                resources));
    }
}

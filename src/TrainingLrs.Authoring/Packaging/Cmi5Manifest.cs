using System.Globalization;
using System.Xml.Linq;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Writes <c>cmi5.xml</c>: the course and one AU per module, with IRI ids shared across languages,
/// a relative launch URL, <c>moveOn</c> and <c>masteryScore</c> (0..1).
/// </summary>
internal static class Cmi5Manifest
{
    private static readonly XNamespace Cmi5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    public static XDocument Build(PackageSpec spec)
    {
        var root = new XElement(Cmi5 + "courseStructure",
            new XElement(Cmi5 + "course",
                new XAttribute("id", spec.CourseIri),
                Text("title", spec.Title, spec.Language),
                Text("description", spec.Description, spec.Language)));
        foreach (var item in spec.Items)
        {
            root.Add(new XElement(Cmi5 + "au",
                new XAttribute("id", item.ActivityIri),
                new XAttribute("moveOn", item.MoveOn.ToString()),
                new XAttribute("masteryScore", (item.PassMark / 100m).ToString("0.00", CultureInfo.InvariantCulture)),
                new XAttribute("launchMethod", "AnyWindow"),
                Text("title", item.Title, spec.Language),
                Text("description", item.Description, spec.Language),
                new XElement(Cmi5 + "url", item.Href)));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement Text(string name, string text, string language) =>
        new(Cmi5 + name, new XElement(Cmi5 + "langstring", new XAttribute("lang", language), text));
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Packaging;

/// <summary>
/// SCORM packages carry the official XSDs at their root and name them in <c>xsi:schemaLocation</c>,
/// as LMS importers and ADL's conformance checks expect; cmi5 packages carry none.
/// </summary>
public sealed partial class SchemaFileTests
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>A schema or DTD file at the package root.</summary>
    public static bool IsSchemaFile(string entry) =>
        !entry.Contains('/') && (entry.EndsWith(".xsd", StringComparison.Ordinal) || entry.EndsWith(".dtd", StringComparison.Ordinal));

    [Theory]
    [InlineData(PackageFormats.Scorm12, false)]
    [InlineData(PackageFormats.Scorm12, true)]
    [InlineData(PackageFormats.Scorm2004, false)]
    [InlineData(PackageFormats.Scorm2004, true)]
    public void Every_schemaLocation_file_is_in_the_zip(PackageFormats format, bool coursePackage)
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = format, CoursePackages = coursePackage });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var packages = result.Packages.Where(p => (p.ModuleId is null) == coursePackage).ToList();
        Assert.NotEmpty(packages);
        foreach (var package in packages)
        {
            using var zip = new PackageReader(package.Path);
            var location = (string?)zip.Xml("imsmanifest.xml").Root!.Attribute(Xsi + "schemaLocation");
            Assert.False(string.IsNullOrWhiteSpace(location), "imsmanifest.xml has no xsi:schemaLocation");
            var pairs = location.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            Assert.True(pairs.Length % 2 == 0, "xsi:schemaLocation must hold namespace/file pairs: " + location);
            var files = pairs.Where((_, i) => i % 2 == 1).ToList();
            Assert.All(files, file => Assert.Contains(file, zip.Entries));

            // And everything those schemas include, import or use as a DTD, so a validating importer finds it all.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>(files);
            while (pending.TryDequeue(out var file))
            {
                if (!seen.Add(file))
                {
                    continue;
                }

                Assert.Contains(file, zip.Entries);
                foreach (var reference in References(zip.ReadText(file)))
                {
                    pending.Enqueue(reference);
                }
            }
        }
    }

    [Theory]
    [InlineData(PackageFormats.Scorm12, "scorm12")]
    [InlineData(PackageFormats.Scorm2004, "scorm2004")]
    public void Scorm_zip_ships_the_official_schema_files_unchanged(PackageFormats format, string folder)
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = format });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var official = Directory.GetFiles(Path.Combine(RepoPaths.Xsd, folder)).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        foreach (var package in result.Packages)
        {
            using var zip = new PackageReader(package.Path);
            var shipped = zip.Entries.Where(IsSchemaFile).ToList();
            Assert.Equal(official.Keys.Order(StringComparer.Ordinal), shipped.Order(StringComparer.Ordinal));
            foreach (var name in shipped)
            {
                using var stream = zip.Open(name);
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                Assert.True(official[name].AsSpan().SequenceEqual(bytes.ToArray()), $"{name} differs from the official file");
            }
        }
    }

    [Fact]
    public void Cmi5_zip_carries_no_schema_files()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = PackageFormats.Cmi5 });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        foreach (var package in result.Packages)
        {
            using var zip = new PackageReader(package.Path);
            Assert.DoesNotContain(zip.Entries, IsSchemaFile);
        }
    }

    // Relative files a schema names: xs:include, xs:import and xs:redefine locations, and DTDs in DOCTYPE
    // or parameter-entity declarations. Read as text: ims_xml.xsd's illegal xmlns attribute (a known trap
    // of the official file) stops .NET's XML reader.
    private static List<string> References(string text)
    {
        var code = Comment().Replace(text, "");
        return [.. SchemaReference().Matches(code).Select(m => m.Groups[1].Value).Where(l => !Uri.TryCreate(l, UriKind.Absolute, out _)),
            .. DtdReference().Matches(code).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex("""<(?:\w+:)?(?:include|import|redefine)\b[^>]*?schemaLocation\s*=\s*["']([^"']+)["']""")]
    private static partial Regex SchemaReference();

    [GeneratedRegex("""["']([\w.-]+\.dtd)["']""")]
    private static partial Regex DtdReference();
}

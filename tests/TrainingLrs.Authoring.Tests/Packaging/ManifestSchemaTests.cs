using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Packaging;

/// <summary>Every manifest the compiler writes validates against the official XSDs, warnings included.</summary>
public sealed class ManifestSchemaTests
{
    [Theory]
    [InlineData(PackageFormats.Scorm12, false)]
    [InlineData(PackageFormats.Scorm12, true)]
    [InlineData(PackageFormats.Scorm2004, false)]
    [InlineData(PackageFormats.Scorm2004, true)]
    [InlineData(PackageFormats.Cmi5, false)]
    [InlineData(PackageFormats.Cmi5, true)]
    public void Manifest_validates_against_the_official_schema(PackageFormats format, bool coursePackage)
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = format, CoursePackages = coursePackage });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        using var temp = new TempFolder();
        var schemas = format switch
        {
            PackageFormats.Scorm12 => ManifestSchemas.Scorm12(temp),
            PackageFormats.Scorm2004 => ManifestSchemas.Scorm2004(temp),
            _ => ManifestSchemas.Cmi5(temp),
        };
        var packages = result.Packages.Where(p => (p.ModuleId is null) == coursePackage).ToList();
        Assert.NotEmpty(packages);
        foreach (var package in packages)
        {
            using var zip = new PackageReader(package.Path);
            using var manifest = zip.Open(format == PackageFormats.Cmi5 ? "cmi5.xml" : "imsmanifest.xml");
            var problems = ManifestSchemas.Validate(schemas, manifest);
            Assert.True(problems.Count == 0, Path.GetFileName(package.Path) + ":\n" + string.Join("\n", problems));
        }
    }

    [Theory]
    [InlineData(PackageFormats.Scorm12, "adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"SCO\"")]
    [InlineData(PackageFormats.Scorm2004, "<imsss:minNormalizedMeasure>0.66</imsss:minNormalizedMeasure>", "<imsss:minNormalizedMeasure>2</imsss:minNormalizedMeasure>")]
    [InlineData(PackageFormats.Cmi5, "masteryScore=\"0.66\"", "masteryScore=\"66\"")]
    public void Schema_validation_rejects_a_broken_manifest(PackageFormats format, string valid, string invalid)
    {
        // Guards the guard: a validator that accepts everything would make the test above worthless.
        // (SCORM 1.2's XSD types masteryscore as a string, so its case checks the scormtype spelling.)
        using var course = new CourseFixture(CourseFixture.MinimalCourse.Replace("passMark: 80", "passMark: 66"))
            .WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = format });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var zip = new PackageReader(result.Packages[0].Path);
        var manifest = zip.ReadText(format == PackageFormats.Cmi5 ? "cmi5.xml" : "imsmanifest.xml");
        Assert.Contains(valid, manifest);

        using var temp = new TempFolder();
        var schemas = format switch
        {
            PackageFormats.Scorm12 => ManifestSchemas.Scorm12(temp),
            PackageFormats.Scorm2004 => ManifestSchemas.Scorm2004(temp),
            _ => ManifestSchemas.Cmi5(temp),
        };
        var broken = manifest.Replace(valid, invalid);
        Assert.NotEmpty(ManifestSchemas.Validate(schemas, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken))));
    }
}

using System.Security.Cryptography;
using System.Xml.Linq;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Packaging;

/// <summary>Opens every zip and checks it against its manifest.</summary>
public sealed class PackageContentTests
{
    private const string LessonWithMedia = """
        ---
        id: first
        title: First module
        ---

        ## Start

        ![A diagram](media/diagram.svg) and a [handout](media/handout.pdf).

        :::: assessment id=final
        ::: question id=a1
        Pick.

        - [x] Right
        - [ ] Wrong
        :::
        ::::
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scorm_zip_holds_exactly_the_files_its_manifest_lists_and_its_schemas(bool coursePackage)
    {
        using var course = NewCourse();
        var result = course.Compile(o => o with { Formats = PackageFormats.Scorm12 | PackageFormats.Scorm2004, CoursePackages = coursePackage });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        foreach (var package in result.Packages.Where(p => (p.ModuleId is null) == coursePackage))
        {
            using var zip = new PackageReader(package.Path);
            var manifest = zip.Xml("imsmanifest.xml");
            var listed = manifest.Descendants().Where(e => e.Name.LocalName == "file").Select(e => (string)e.Attribute("href")!).ToHashSet();
            // The schema files at the root are control documents that no resource lists (see SchemaFileTests).
            var entries = zip.Entries.Where(e => e != "imsmanifest.xml" && !SchemaFileTests.IsSchemaFile(e)).ToHashSet();
            Assert.Equal(entries.Order(), listed.Order());

            var hrefs = manifest.Descendants().Where(e => e.Name.LocalName == "resource" && e.Attribute("href") is not null).Select(e => (string)e.Attribute("href")!);
            Assert.All(hrefs, href => Assert.Contains(href, listed));
            Assert.Contains("first/en/media/handout.pdf", entries);
        }
    }

    [Fact]
    public void Cmi5_zip_launches_a_relative_url_that_is_in_the_zip()
    {
        using var course = NewCourse();
        var result = course.Compile(o => o with { Formats = PackageFormats.Cmi5 });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        foreach (var package in result.Packages)
        {
            using var zip = new PackageReader(package.Path);
            var au = zip.Xml("cmi5.xml").Descendants().Single(e => e.Name.LocalName == "au");
            var url = au.Elements().Single(e => e.Name.LocalName == "url").Value;
            Assert.False(Uri.TryCreate(url, UriKind.Absolute, out _), url);
            Assert.Contains(url, zip.Entries);
            Assert.Equal("https://example.org/courses/test/modules/first", (string)au.Attribute("id")!);
        }
    }

    [Fact]
    public void Packages_reference_no_external_url()
    {
        using var course = NewCourse();
        var result = course.Compile(o => o with { Formats = PackageFormats.AllPackages });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        foreach (var package in result.Packages)
        {
            using var zip = new PackageReader(package.Path);
            foreach (var page in zip.Entries.Where(e => e.EndsWith(".html", StringComparison.Ordinal)))
            {
                var html = zip.ReadText(page);
                Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            }
        }
    }

    [Fact]
    public void Rebuilding_unchanged_content_gives_byte_identical_zips()
    {
        using var course = NewCourse();
        var first = course.Compile(o => o with { Formats = PackageFormats.Scorm2004 });
        var hashBefore = Hash(first.Packages[0].Path);
        var second = course.Compile(o => o with { Formats = PackageFormats.Scorm2004 });

        Assert.Equal(hashBefore, Hash(second.Packages[0].Path));
    }

    [Fact]
    public void Each_language_gets_its_own_package_with_the_same_activity_id()
    {
        using var course = NewCourse(bothLanguages: true);
        course.WriteLesson(LessonWithMedia.Replace("First module", "Primer módulo"), language: "es");
        var result = course.Compile(o => o with { Formats = PackageFormats.Cmi5 });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var ids = result.Packages.Select(p =>
        {
            using var zip = new PackageReader(p.Path);
            return (string)zip.Xml("cmi5.xml").Descendants().Single(e => e.Name.LocalName == "au").Attribute("id")!;
        }).Distinct().ToList();
        Assert.Equal(["en", "es"], result.Packages.Select(p => p.Language).Order());
        Assert.Single(ids);
    }

    private static CourseFixture NewCourse(bool bothLanguages = false)
    {
        var yml = bothLanguages ? CourseFixture.MinimalCourse : CourseFixture.MinimalCourse.Replace("languages: [en, es]", "languages: [en]");
        var course = new CourseFixture(yml).WriteLesson(LessonWithMedia);
        course.Write("modules/01-first/media/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        course.Write("modules/01-first/media/handout.pdf", "%PDF-1.4");
        return course;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

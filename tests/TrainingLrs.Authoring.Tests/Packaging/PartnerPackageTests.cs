using System.Text;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Packaging;
using TrainingLrs.Authoring.Tests.Support;

namespace TrainingLrs.Authoring.Tests.Packaging;

public sealed class PartnerPackageTests
{
    [Fact]
    public void Partner_packages_carry_the_lrs_endpoint_and_lesson_key()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = CoursePackager.PackageForPartner(course.Options, "acme-foods", new Uri("https://lrs.example.org/xapi/"), "lk_123", "s3cret");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Null(result.WebDirectory);
        Assert.Equal(6, result.Packages.Count);
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("lk_123:s3cret"));
        foreach (var package in result.Packages)
        {
            Assert.StartsWith(Path.Combine(course.Output, "partners", "acme-foods"), package.Path);
            using var zip = new PackageReader(package.Path);
            var config = zip.ReadText("assets/lrs-config.js");
            Assert.Contains("\"endpoint\":\"https://lrs.example.org/xapi/\"", config);
            Assert.Contains(expectedAuth, config);
        }
    }

    [Fact]
    public void Generic_packages_have_no_lrs_credentials()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);
        var result = course.Compile(o => o with { Formats = PackageFormats.Scorm12 });

        using var zip = new PackageReader(result.Packages[0].Path);
        Assert.Equal("window.TrainingLrsConfig = {\"format\":\"scorm12\",\"lrs\":null};\n", zip.ReadText("assets/lrs-config.js"));
    }

    [Fact]
    public void Partner_id_that_is_not_a_plain_name_is_refused()
    {
        using var course = new CourseFixture().WriteLesson(CourseFixture.MinimalLesson);

        var error = Assert.Throws<ArgumentException>(() =>
            CoursePackager.PackageForPartner(course.Options, "../other", new Uri("https://lrs.example.org/xapi/"), "k", "s"));
        Assert.Contains("'../other'", error.Message);
    }

    [Fact]
    public void Lrs_connection_does_not_print_its_secret()
    {
        var connection = new LrsConnection(new Uri("https://lrs.example.org/xapi/"), "lk_1", "very-secret");

        Assert.DoesNotContain("very-secret", connection.ToString());
    }
}

using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Browser.Tests.Support;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// One test's world: module 1 of the real content compiled with the real theme into a temp folder,
/// every package unzipped beside the web output, the scorm-again LMS host page, all served by Kestrel
/// on 127.0.0.1 with a free port. Extra endpoints (a cmi5 LMS) are mapped by the test; our LRS, when
/// wanted, is the real server (<see cref="OurLrs"/>) on another port.
/// </summary>
public sealed class LessonSite : IAsyncDisposable
{
    /// <summary>Module 1 as course.yml has it, alone, so other modules being written cannot break these tests.</summary>
    private const string CourseYaml = """
        id: https://traininglrs.org/courses/labor-rights-2026
        title:
          en: Preventing Child and Forced Labor in US Manufacturing
          es: Prevención del trabajo infantil y forzoso en la manufactura de EE. UU.
        languages: [en, es]
        activityIriBase: https://traininglrs.org/courses/labor-rights-2026/modules
        theme: default
        passMark: 80
        moveOn: CompletedOrPassed
        modules:
          - folder: 01-why-this-matters
            passMark: 66
            moveOn: CompletedOrPassed
        """;

    public const string CourseId = "https://traininglrs.org/courses/labor-rights-2026";

    public const string ActivityId = "https://traininglrs.org/courses/labor-rights-2026/modules/why-this-matters";

    private readonly WebApplication _app;

    private LessonSite(string root, WebApplication app, Uri address)
    {
        Root = root;
        _app = app;
        Address = address;
    }

    /// <summary>The folder served at the site root: web/, scorm12/, scorm2004/, cmi5/, tools/, lms.html, wrapper.html.</summary>
    public string Root { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address { get; }

    public string Url(string relative) => new Uri(Address, relative).ToString();

    /// <summary>The lesson page path inside a package folder (scorm12, scorm2004, cmi5, web).</summary>
    public static string LessonPath(string format, string language = "en") => $"{format}/why-this-matters/{language}/index.html";

    /// <param name="map">Extra endpoints (an LMS, an LRS) mapped before the static files.</param>
    /// <param name="lrs">LRS connection baked into the packages.</param>
    /// <param name="wholeCourse">Compile the repository's whole course instead of module 1 alone.</param>
    public static async Task<LessonSite> StartAsync(Action<WebApplication>? map = null, LrsConnection? lrs = null, bool wholeCourse = false)
    {
        var root = Path.Combine(Path.GetTempPath(), "traininglrs-lessons", Guid.NewGuid().ToString("N"));
        Build(root, lrs, wholeCourse);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map?.Invoke(app);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LessonSite(root, app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void Build(string root, LrsConnection? lrs, bool wholeCourse)
    {
        var repo = Axe.RepositoryRoot();
        var content = Path.Combine(root, "content");
        if (wholeCourse)
        {
            CopyFolder(Path.Combine(repo, "content"), content);
        }
        else
        {
            CopyFolder(Path.Combine(repo, "content", "modules", "01-why-this-matters"), Path.Combine(content, "modules", "01-why-this-matters"));
            File.WriteAllText(Path.Combine(content, "course.yml"), CourseYaml);
        }

        var result = CourseCompiler.Compile(new CompileOptions
        {
            ContentDirectory = content,
            OutputDirectory = Path.Combine(root, "dist"),
            ThemesDirectory = Path.Combine(repo, "themes"),
            Lrs = lrs,
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("compile failed:\n" + string.Join("\n", result.Diagnostics));
        }

        CopyFolder(result.WebDirectory!, Path.Combine(root, "web"));
        // Packages of one module each share file names, so only a one-module site unzips them.
        foreach (var package in result.Packages.Where(p => p.Language == "en" && !wholeCourse))
        {
            ZipFile.ExtractToDirectory(package.Path, Path.Combine(root, Path.GetFileName(Path.GetDirectoryName(package.Path)!)));
        }

        var tools = Environment.GetEnvironmentVariable("TRAININGLRS_TEST_TOOLS") ?? Path.Combine(repo, "tests", "tools", "node_modules");
        Directory.CreateDirectory(Path.Combine(root, "tools"));
        foreach (var name in new[] { "scorm12.min.js", "scorm2004.min.js" })
        {
            File.Copy(Path.Combine(tools, "scorm-again", "dist", name), Path.Combine(root, "tools", name));
        }

        File.WriteAllText(Path.Combine(root, "lms.html"), ScormHost.Page);
        File.WriteAllText(Path.Combine(root, "wrapper.html"), ScormHost.Wrapper);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A browser may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

using System.Diagnostics;
using System.Text;
using Markdig;
using Scriban;
using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Benchmarks.Compile;

/// <summary>
/// Full course compile (N modules × 2 languages × web, SCORM 1.2, SCORM 2004, cmi5, in memory) against
/// the raw floor measured in the same run: Markdig and Scriban rendering the same files and nothing else.
/// Run at 1×, 2× and 4× the course size to show the compile is linear in content.
/// </summary>
public static class CompileBenchmarks
{
    public static int Run(string[] args)
    {
        var repository = RepositoryRoot();
        var modules = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 9;
        var root = Path.Combine(Path.GetTempPath(), "traininglrs-bench-compile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"course: {modules} modules × 2 languages × 4 formats; median of 7 runs after 2 warm-ups");
            foreach (var scale in new[] { 1, 2, 4 })
            {
                var content = Path.Combine(root, $"x{scale}");
                var files = MakeCourse(repository, content, modules * scale);
                var options = new CompileOptions
                {
                    ContentDirectory = content,
                    OutputDirectory = Path.Combine(root, $"out{scale}"),
                    ThemesDirectory = Path.Combine(repository, "themes"),
                    DryRun = true,
                    MaxParallelism = 1,
                };
                var full = Median(() =>
                {
                    var result = CourseCompiler.Compile(options);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException(string.Join("\n", result.Errors));
                    }
                });
                var template = Template.Parse(File.ReadAllText(Path.Combine(repository, "themes", "default", "templates", "lesson.scriban")));
                var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();
                var floor = Median(() => RawFloor(files, pipeline));
                var stages = CourseCompiler.Compile(options).Summary.StageTimes;
                Console.WriteLine("  stages: " + string.Join(", ", stages.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:0} ms")));
                Console.WriteLine($"x{scale} ({modules * scale} modules, {files.Count} pages): full compile {full:0.0} ms, raw Markdig+Scriban floor {floor:0.0} ms, ratio {full / floor:0.0}× (target ≤ 3×)");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Markdig turns each page into HTML and Scriban fills a page layout with it: the least any compiler of
    // these files must do.
    private static void RawFloor(IReadOnlyList<string> files, MarkdownPipeline pipeline)
    {
        var layout = Template.Parse("<!doctype html><html lang=\"{{ lang }}\"><head><title>{{ title }}</title></head><body><main>{{ body }}</main></body></html>");
        foreach (var file in files)
        {
            var html = Markdown.ToHtml(File.ReadAllText(file), pipeline);
            _ = layout.Render(new { lang = "en", title = Path.GetFileName(file), body = html });
        }
    }

    private static IReadOnlyList<string> MakeCourse(string repository, string content, int modules)
    {
        var source = Path.Combine(repository, "content");
        var template = Directory.GetDirectories(Path.Combine(source, "modules")).Order().First();
        var templateId = File.ReadLines(Path.Combine(template, "en.md")).First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
        var files = new List<string>();
        var list = new StringBuilder();
        for (var i = 1; i <= modules; i++)
        {
            var folder = Path.Combine(content, "modules", $"{i:00}-module-{i}");
            CopyFolder(template, folder);
            foreach (var page in Directory.GetFiles(folder, "*.md"))
            {
                File.WriteAllText(page, File.ReadAllText(page).Replace("id: " + templateId, $"id: module-{i}", StringComparison.Ordinal));
                files.Add(page);
            }
            list.Append($"  - folder: {i:00}-module-{i}\n");
        }

        var course = File.ReadAllText(Path.Combine(source, "course.yml"));
        var modulesAt = course.IndexOf("\nmodules:", StringComparison.Ordinal);
        var next = course.IndexOf("\ncampaign:", StringComparison.Ordinal);
        course = course[..(modulesAt + 1)] + "modules:\n" + list + course[(next + 1)..];
        course = string.Join('\n', course.Split('\n').Where(line => !line.TrimStart().StartsWith("requiredModules", StringComparison.Ordinal)));
        var webinars = course.IndexOf("\nwebinars:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(content, "course.yml"), webinars < 0 ? course : course[..(webinars + 1)]);
        return files;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static double Median(Action action)
    {
        action();
        action();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingLrs.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}

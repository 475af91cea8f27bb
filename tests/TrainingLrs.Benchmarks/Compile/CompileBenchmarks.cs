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
                var root = Path.Combine(Path.GetTempPath(), "traininglrs-bench-compile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine("course: the repository's modules × 2 languages × 4 formats (web, SCORM 1.2, SCORM 2004, cmi5); median of 7 runs after 2 warm-ups");
            // As users run it (all cores) and on one thread, against the single-threaded floor.
            foreach (var (scale, parallelism) in new[] { (1, Environment.ProcessorCount), (1, 1), (2, Environment.ProcessorCount), (4, Environment.ProcessorCount) })
            {
                var content = Path.Combine(root, $"x{scale}-p{parallelism}");
                var files = MakeCourse(repository, content, scale);
                var options = new CompileOptions
                {
                    ContentDirectory = content,
                    OutputDirectory = Path.Combine(root, $"out{scale}-p{parallelism}"),
                    ThemesDirectory = Path.Combine(repository, "themes"),
                    DryRun = true,
                    MaxParallelism = parallelism,
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
                Console.WriteLine($"x{scale} ({files.Count / 2} modules, {files.Count} pages, {parallelism} thread(s)): full compile {full:0.0} ms, raw Markdig+Scriban floor {floor:0.0} ms, ratio {full / floor:0.0}× (target ≤ 3×)");
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

    // The real course, its module folders repeated `copies` times (ids suffixed) to scale the content.
    private static IReadOnlyList<string> MakeCourse(string repository, string content, int copies)
    {
        var source = Path.Combine(repository, "content");
        var modules = Directory.GetDirectories(Path.Combine(source, "modules")).Order(StringComparer.Ordinal).ToArray();
        var files = new List<string>();
        var list = new StringBuilder();
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var module in modules)
            {
                var folder = copy == 1 ? Path.GetFileName(module) : $"{Path.GetFileName(module)}-copy{copy}";
                var target = Path.Combine(content, "modules", folder);
                CopyFolder(module, target);
                foreach (var page in Directory.GetFiles(target, "*.md"))
                {
                    if (copy > 1)
                    {
                        var text = File.ReadAllText(page);
                        var id = text.Split('\n').First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
                        File.WriteAllText(page, text.Replace("id: " + id, $"id: {id}-copy{copy}", StringComparison.Ordinal));
                    }
                    files.Add(page);
                }
                list.Append($"  - folder: {folder}\n");
            }
        }

        var course = File.ReadAllText(Path.Combine(source, "course.yml"));
        course = course[..(course.IndexOf("\nmodules:", StringComparison.Ordinal) + 1)] + "modules:\n" + list;
        File.WriteAllText(Path.Combine(content, "course.yml"), course);
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

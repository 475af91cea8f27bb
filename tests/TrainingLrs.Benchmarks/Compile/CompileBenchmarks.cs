using System.Diagnostics;
using System.Globalization;
using Markdig;
using Scriban;
using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Benchmarks.Compile;

/// <summary>
/// Full course compile (modules × 2 languages × web, SCORM 1.2, SCORM 2004, cmi5, in memory) against
/// the raw floor measured in the same run: Markdig and Scriban rendering the same files and nothing else.
/// Floor and compile alternate run by run, so load from other processes hits both alike; each pair gives
/// one ratio and the report shows the median and the quartiles. Rows at 2× and 4× the content show
/// whether the compile is linear in content size.
/// </summary>
/// <remarks>
/// A hand-written loop rather than BenchmarkDotNet: the point is the ratio of two workloads measured
/// interleaved in one process, which BenchmarkDotNet (one benchmark after another) does not give.
/// </remarks>
public static class CompileBenchmarks
{
    public static int Run(string[] args)
    {
        var settings = CompileBenchSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("usage: TrainingLrs.Benchmarks compile [--runs N] [--warmup N] [--warmup-seconds N] [--scales 1,2,4] [--threads 1,N]");
            return 2;
        }

        var repository = RepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), "traininglrs-bench-compile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine(Conditions(settings));
            Console.WriteLine("target: compile ≤ 3× floor (same thread count), and time per page flat from x1 to x4");
            Console.WriteLine("wall = elapsed time; cpu = process CPU time, which other processes' load hardly touches. Each: median (p25–p75).");
            Console.WriteLine();
            Console.WriteLine("scale  pages  threads  floor wall ms        compile wall ms       wall ratio            floor cpu ms         compile cpu ms        cpu ratio             wall ms/page  alloc MB");
            var courses = settings.Scales.ToDictionary(scale => scale, scale => BenchCourse.Make(repository, Path.Combine(root, $"x{scale}"), scale));

            // Tiered JIT promotes hot methods only after a quiet spell with no new tier-0 code, so a fixed
            // number of warm-up runs can leave the first rows half-optimized; warm up for a while instead.
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed.TotalSeconds < settings.WarmupSeconds)
            {
                foreach (var threads in settings.Threads)
                {
                    Measure(repository, root, Path.Combine(root, $"x{settings.Scales[0]}"), courses[settings.Scales[0]], settings.Scales[0], threads, settings with { Runs = 1 });
                }
            }

            var medians = new Dictionary<(int Scale, int Threads), (double Floor, double Compile)>();
            var stageLines = new List<string>();
            foreach (var scale in settings.Scales)
            {
                var content = Path.Combine(root, $"x{scale}");
                var files = courses[scale];
                foreach (var threads in settings.Threads)
                {
                    var row = Measure(repository, root, content, files, scale, threads, settings);
                    medians[(scale, threads)] = (row.Floor.Median, row.Compile.Median);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"x{scale,-5} {files.Count,5}  {threads,7}  {row.Floor,-19}  {row.Compile,-20}  {row.Ratio.Format("0.00") + "×",-20}  {row.FloorCpu,-19}  {row.CompileCpu,-20}  {row.CpuRatio.Format("0.00") + "×",-20}  {row.Compile.Median / files.Count,12:0.00}  {row.AllocatedMegabytes,8:0.0}"));
                    stageLines.Add($"x{scale} {threads} thread(s): " + string.Join(", ", row.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.0}")))
                        + string.Create(CultureInfo.InvariantCulture, $"; GC pauses: compile {row.CompileGcPause:0.0}, floor {row.FloorGcPause:0.0}"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("median stage times and GC pause time inside a run (ms):");
            stageLines.ForEach(l => Console.WriteLine("  " + l));
            Console.WriteLine();
            Console.WriteLine("linearity (median wall time at xN ÷ median wall time at x1; linear = N):");
            foreach (var threads in settings.Threads)
            {
                if (!medians.TryGetValue((settings.Scales[0], threads), out var first))
                {
                    continue;
                }

                var parts = settings.Scales.Skip(1).Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"x{s}/x{settings.Scales[0]}: compile {medians[(s, threads)].Compile / first.Compile:0.00}, floor {medians[(s, threads)].Floor / first.Floor:0.00}"));
                Console.WriteLine($"  {threads} thread(s): " + string.Join("; ", parts));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static RowResult Measure(string repository, string root, string content, IReadOnlyList<string> files, int scale, int threads, CompileBenchSettings settings)
    {
        var options = new CompileOptions
        {
            ContentDirectory = content,
            OutputDirectory = Path.Combine(root, $"out-x{scale}-p{threads}"),
            ThemesDirectory = Path.Combine(repository, "themes"),
            DryRun = true,
            MaxParallelism = threads,
        };
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();
        var stages = new Dictionary<CompileStage, List<double>>();
        void Floor() => RawFloor(files, pipeline, threads);
        void Compile()
        {
            var result = CourseCompiler.Compile(options);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("\n", result.Errors));
            }

            foreach (var (stage, time) in result.Summary.StageTimes)
            {
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(time.TotalMilliseconds);
            }
        }

        for (var i = 0; i < settings.Warmup; i++)
        {
            Floor();
            Compile();
        }

        stages.Clear();
        var floor = new List<Sample>();
        var compile = new List<Sample>();
        for (var i = 0; i < settings.Runs; i++)
        {
            // Alternate which goes first so neither always runs right after the other's garbage.
            if (i % 2 == 0)
            {
                floor.Add(Time(Floor));
                compile.Add(Time(Compile));
            }
            else
            {
                compile.Add(Time(Compile));
                floor.Add(Time(Floor));
            }
        }

        return new RowResult(
            Summary.Of([.. floor.Select(s => s.Wall)]),
            Summary.Of([.. compile.Select(s => s.Wall)]),
            Summary.Of([.. compile.Zip(floor, (c, f) => c.Wall / f.Wall)]),
            Summary.Of([.. floor.Select(s => s.Cpu)]),
            Summary.Of([.. compile.Select(s => s.Cpu)]),
            Summary.Of([.. compile.Zip(floor, (c, f) => c.Cpu / f.Cpu)]),
            compile.Average(s => s.AllocatedBytes) / (1024 * 1024),
            Summary.Of([.. compile.Select(s => s.GcPause)]).Median,
            Summary.Of([.. floor.Select(s => s.GcPause)]).Median,
            stages.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => Summary.Of(s.Value).Median));
    }

    // Collects first so garbage left by the previous run is not charged to this one.
    private static Sample Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        process.Refresh();
        return new Sample(wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, allocated, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    // Markdig turns each page into HTML and Scriban fills a page layout with it: the least any compiler of
    // these files must do. With more than one thread the pages are spread over threads like the compile's.
    private static void RawFloor(IReadOnlyList<string> files, MarkdownPipeline pipeline, int threads)
    {
        var layout = Template.Parse("<!doctype html><html lang=\"{{ lang }}\"><head><title>{{ title }}</title></head><body><main>{{ body }}</main></body></html>");
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
        {
            var html = Markdown.ToHtml(File.ReadAllText(file), pipeline);
            _ = layout.Render(new { lang = "en", title = Path.GetFileName(file), body = html });
        });
    }

    private static string Conditions(CompileBenchSettings settings)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"course: the repository's modules, copied ×N, × 2 languages × 4 formats (web, SCORM 1.2, SCORM 2004, cmi5), in memory\n"
            + $"runs: {settings.WarmupSeconds} s of warm-up, then per row {settings.Warmup} warm-up pairs and {settings.Runs} interleaved floor/compile pairs; GC before each timed run\n"
            + $"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"server GC {System.Runtime.GCSettings.IsServerGC}, load average at start {load}");
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

    private sealed record Sample(double Wall, double Cpu, long AllocatedBytes, double GcPause);

    private sealed record RowResult(
        Summary Floor,
        Summary Compile,
        Summary Ratio,
        Summary FloorCpu,
        Summary CompileCpu,
        Summary CpuRatio,
        double AllocatedMegabytes,
        double CompileGcPause,
        double FloorGcPause,
        IReadOnlyDictionary<CompileStage, double> Stages);
}

using System.Globalization;

namespace TrainingLrs.Benchmarks.Compile;

/// <summary>Options of the <c>compile</c> benchmark.</summary>
/// <param name="Runs">Timed floor/compile pairs per row.</param>
/// <param name="Warmup">Untimed pairs before each row.</param>
/// <param name="Scales">Content sizes: copies of the repository's modules.</param>
/// <param name="Threads">Thread counts to measure: one, and all cores.</param>
/// <param name="WarmupSeconds">Untimed runs first, for this long, so tiered JIT has settled before any row.</param>
internal sealed record CompileBenchSettings(int Runs, int Warmup, IReadOnlyList<int> Scales, IReadOnlyList<int> Threads, int WarmupSeconds)
{
    public static CompileBenchSettings Default { get; } = new(21, 5, [1, 2, 4], [.. new[] { 1, Environment.ProcessorCount }.Distinct()], 5);

    /// <summary>Reads <c>--runs N --warmup N --warmup-seconds N --scales 1,2,4 --threads 1,2</c>; null on anything else.</summary>
    public static CompileBenchSettings? Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--runs" when Number(value) is > 0 and var n => settings with { Runs = n },
                "--warmup" when Number(value) is >= 0 and var n => settings with { Warmup = n },
                "--warmup-seconds" when Number(value) is >= 0 and var n => settings with { WarmupSeconds = n },
                "--scales" when List(value) is { } list => settings with { Scales = list },
                "--threads" when List(value) is { } list => settings with { Threads = list },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }
        }

        return args.Count % 2 == 0 ? settings : null;
    }

    private static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static int[]? List(string text)
    {
        // Each value once: a scale's content folder is made once, and a repeated row tells nothing new.
        var items = text.Split(',').Select(Number).Distinct().ToArray();
        return items.Length > 0 && items.All(n => n > 0) ? items : null;
    }
}

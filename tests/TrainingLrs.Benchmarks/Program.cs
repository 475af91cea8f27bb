// Benchmarks by verb: `dotnet run -c Release --project tests/TrainingLrs.Benchmarks -- <lrs|reports|compile> [options]`.
using TrainingLrs.Benchmarks.Compile;
using TrainingLrs.Benchmarks.Lrs;
using TrainingLrs.Benchmarks.Reports;

return args.FirstOrDefault() switch
{
    "lrs-get" => await HttpWorkload.MeasureQueriesAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "lrs-fill" => HttpWorkload.FillOnly(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "reports" => await ReportBenchmarks.RunAsync(args[1..]),
    "compile" => CompileBenchmarks.Run(args[1..]),
    "ingest" => await IngestBenchmarks.RunAsync(args[1..]),
    "demo-seed" => await DemoSeedBenchmarks.RunAsync(args[1..]),
    "lrs" => await LrsBenchmarks.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TrainingLrs.Benchmarks lrs [--statements N] [--singles N] [--stored N]");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks lrs-fill FOLDER N   (then: lrs-get FOLDER N, repeatable)");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks reports [--learners-per-partner N] [--modules N] [--statements N] [--keep DIR]");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks compile [--runs N] [--warmup N] [--warmup-seconds N] [--scales 1,2,4] [--threads 1,N]");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks ingest [STATEMENTS]");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks demo-seed [--partners N]");
    return 2;
}

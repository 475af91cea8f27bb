// Benchmarks by verb: `dotnet run -c Release --project tests/TrainingLrs.Benchmarks -- reports [options]`.
using TrainingLrs.Benchmarks.Compile;
using TrainingLrs.Benchmarks.Reports;

return args.FirstOrDefault() switch
{
    "reports" => await ReportBenchmarks.RunAsync(args[1..]),
    "compile" => CompileBenchmarks.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TrainingLrs.Benchmarks reports [--learners-per-partner N] [--modules N]");
    Console.Error.WriteLine("       TrainingLrs.Benchmarks compile [MODULES]");
    return 2;
}

// Benchmarks by verb: `dotnet run -c Release --project tests/TrainingLrs.Benchmarks -- reports [options]`.
using TrainingLrs.Benchmarks.Reports;

return args.FirstOrDefault() switch
{
    "reports" => await ReportBenchmarks.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TrainingLrs.Benchmarks reports [--learners-per-partner N] [--modules N]");
    return 2;
}

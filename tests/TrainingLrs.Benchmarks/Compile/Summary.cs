using System.Globalization;

namespace TrainingLrs.Benchmarks.Compile;

/// <summary>Median and quartiles of a set of measurements: the median resists outliers, the quartiles show the spread.</summary>
internal sealed record Summary(double Median, double P25, double P75)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Summary(Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    public string Format(string format) => string.Create(CultureInfo.InvariantCulture,
        $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({P25.ToString(format, CultureInfo.InvariantCulture)}–{P75.ToString(format, CultureInfo.InvariantCulture)})");

    public override string ToString() => Format("0.0");

    // Linear interpolation between the two nearest ranks.
    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}

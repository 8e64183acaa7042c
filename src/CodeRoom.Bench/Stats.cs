using System.Globalization;

namespace CodeRoom.Bench;

internal sealed record Summary(int Count, double Median, double P95, double P99, double Min, double Max)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Summary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[0], sorted[^1]);
    }

    /// <summary>Nearest rank: with 15 samples p95 and p99 are the maximum, which is what they honestly are.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>(max - min) / median: the spread the "varies by at most 10%" bounds.</summary>
    public double Spread => Count == 0 ? double.NaN : (Max - Min) / Median;
}

internal static class Fmt
{
    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
    public static string X(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";
    public static string Pct(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    public static string N(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}

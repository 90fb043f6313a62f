namespace Jewelry.Benchmarks.Dashboard;

internal sealed record LatencySummary(int Count, double P50, double P95, double Max)
{
    public static LatencySummary Of(List<double> samples)
    {
        samples.Sort();
        double Percentile(double p) => samples[Math.Clamp((int)Math.Ceiling(p * samples.Count) - 1, 0, samples.Count - 1)];
        return new LatencySummary(samples.Count, Percentile(0.50), Percentile(0.95), samples[^1]);
    }

    public override string ToString() => $"p50 {P50,7:0.0} ms   p95 {P95,7:0.0} ms   max {Max,7:0.0} ms   (n={Count})";
}

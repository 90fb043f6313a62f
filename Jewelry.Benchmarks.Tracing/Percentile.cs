namespace Jewelry.Benchmarks.Tracing;

/// <summary>Nearest-rank percentiles: the smallest sample with at least p% of the samples at or below it.</summary>
public static class Percentile
{
    public static TimeSpan? Of(IReadOnlyList<TimeSpan> sortedSamples, double percent)
    {
        if (sortedSamples.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sortedSamples.Count);
        return sortedSamples[Math.Clamp(rank, 1, sortedSamples.Count) - 1];
    }
}

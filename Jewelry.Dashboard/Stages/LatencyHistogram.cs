namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Fixed log-scale latency buckets, mergeable by adding counts: bucket <c>b</c> ≥ 1 holds durations in
/// [1 µs · 2^((b-1)/8), 1 µs · 2^(b/8)), bucket 0 everything up to 1 µs. A percentile read from them is the bucket's
/// geometric middle, so it is within ±4.4% of the true value (2^(1/16) - 1), and clamped to the largest duration seen.
/// </summary>
public static class LatencyHistogram
{
    public const int BucketsPerOctave = 8;
    public const long SmallestNanoseconds = 1_000;

    /// <summary>The largest relative error of a percentile: half a bucket, in log terms.</summary>
    public static readonly double RelativeError = Math.Pow(2, 1.0 / (2 * BucketsPerOctave)) - 1;

    /// <summary>The bucket of a duration in nanoseconds.</summary>
    public static short Bucket(long nanoseconds) =>
        nanoseconds <= SmallestNanoseconds ? (short)0 : (short)(1 + Math.Floor(Math.Log2((double)nanoseconds / SmallestNanoseconds) * BucketsPerOctave));

    /// <summary>The value a bucket stands for, in nanoseconds: its geometric middle; bucket 0 ("up to 1 µs") stands for 1 µs.</summary>
    public static double Middle(int bucket) =>
        bucket == 0 ? SmallestNanoseconds : SmallestNanoseconds * Math.Pow(2, (bucket - 0.5) / BucketsPerOctave);

    /// <summary>
    /// The <paramref name="quantile"/> of the durations counted in <paramref name="buckets"/> (bucket, count; any order), as
    /// PostgreSQL's percentile_cont defines it (interpolated between the two nearest ranks), each rank read as its bucket's middle.
    /// </summary>
    public static double Percentile(IReadOnlyList<(int Bucket, long Count)> buckets, double quantile, double maxNanoseconds)
    {
        var sorted = buckets.Where(b => b.Count > 0).OrderBy(b => b.Bucket).ToList();
        var total = sorted.Sum(b => b.Count);
        if (total == 0)
        {
            return 0;
        }

        var rank = quantile * (total - 1);
        var lower = (long)Math.Floor(rank);
        var lowerValue = ValueAt(sorted, lower, maxNanoseconds);
        var upperValue = ValueAt(sorted, Math.Min(lower + 1, total - 1), maxNanoseconds);
        return lowerValue + ((rank - lower) * (upperValue - lowerValue));
    }

    private static double ValueAt(List<(int Bucket, long Count)> sorted, long rank, double maxNanoseconds)
    {
        var seen = 0L;
        foreach (var (bucket, count) in sorted)
        {
            seen += count;
            if (rank < seen)
            {
                return Math.Min(Middle(bucket), maxNanoseconds);
            }
        }

        return maxNanoseconds;
    }
}

namespace Jewelry.Dashboard.Stages;

/// <summary>One status's rollup rows merged over the buckets of a window: sums and bucket counts.</summary>
internal sealed class StatusRollup
{
    private readonly Dictionary<int, long> _latency = [];
    private long _transitions;
    private long _failed;
    private long _completed;

    public void Add(long transitions, long failed, long completed, short[] buckets, long[] counts)
    {
        _transitions += transitions;
        _failed += failed;
        _completed += completed;
        for (var i = 0; i < buckets.Length; i++)
        {
            _latency[buckets[i]] = _latency.GetValueOrDefault(buckets[i]) + counts[i];
        }
    }

    /// <summary>The statistics, with <paramref name="slowest"/> (longest first) read exactly from the stays themselves.</summary>
    public StatusStatistics ToStatistics(string status, string? stage, IReadOnlyList<SlowOrder> slowest)
    {
        var buckets = _latency.Select(pair => (pair.Key, pair.Value)).ToList();
        var measured = _completed > 0 && slowest.Count > 0;
        var maxNanoseconds = measured ? slowest[0].DurationMs * 1_000_000.0 : 0;
        double? Percentile(double quantile) => measured ? LatencyHistogram.Percentile(buckets, quantile, maxNanoseconds) / 1_000_000.0 : null;
        return new StatusStatistics(
            status,
            stage,
            _transitions,
            _failed,
            _transitions == 0 ? 0 : (double)_failed / _transitions,
            _completed,
            _transitions - _failed - _completed,
            Percentile(0.5),
            Percentile(0.95),
            Percentile(0.99),
            measured ? slowest[0].DurationMs : null,
            slowest);
    }
}

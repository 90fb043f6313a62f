using Jewelry.Dashboard.Orders;

namespace Jewelry.Dashboard.Stages;

/// <summary>One hop's rollup rows merged over the buckets of a window: sums, the largest, bucket counts and the slowest.</summary>
internal sealed class HopRollup
{
    private readonly Dictionary<int, long> _latency = [];
    private readonly List<SlowOrder> _slowest = [];
    private long _count;
    private long _errors;
    private long _totalNanoseconds;
    private long _maxNanoseconds;

    public void Add(long count, long errors, long totalNanoseconds, long maxNanoseconds, short[] buckets, long[] counts, IEnumerable<SlowOrder> slowest)
    {
        _count += count;
        _errors += errors;
        _totalNanoseconds += totalNanoseconds;
        _maxNanoseconds = Math.Max(_maxNanoseconds, maxNanoseconds);
        for (var i = 0; i < buckets.Length; i++)
        {
            _latency[buckets[i]] = _latency.GetValueOrDefault(buckets[i]) + counts[i];
        }

        _slowest.AddRange(slowest);
    }

    public HopStatistics ToStatistics(HopKind kind, string service, string name, int slowest)
    {
        var buckets = _latency.Select(pair => (pair.Key, pair.Value)).ToList();
        return new HopStatistics(
            kind,
            service,
            name,
            _count,
            _errors,
            _count == 0 ? 0 : (double)_errors / _count,
            Milliseconds(LatencyHistogram.Percentile(buckets, 0.5, _maxNanoseconds)),
            Milliseconds(LatencyHistogram.Percentile(buckets, 0.95, _maxNanoseconds)),
            Milliseconds(LatencyHistogram.Percentile(buckets, 0.99, _maxNanoseconds)),
            Milliseconds(_maxNanoseconds),
            Milliseconds(_totalNanoseconds),
            _slowest
                .OrderByDescending(order => order.DurationMs)
                .ThenBy(order => order.TraceId, StringComparer.Ordinal)
                .ThenBy(order => order.SpanId, StringComparer.Ordinal)
                .Take(slowest)
                .ToList());
    }

    private static double Milliseconds(double nanoseconds) => nanoseconds / 1_000_000.0;
}

namespace Jewelry.Dashboard.Stages;

/// <summary>What one batch adds to one status's <c>status_rollups</c> row in one bucket of one tier; counts may be negative.</summary>
internal sealed class StatusRollupRow(RollupTier tier, long bucketStart, string status)
{
    private readonly SortedDictionary<short, long> _latency = [];

    public RollupTier Tier { get; } = tier;

    public long BucketStart { get; } = bucketStart;

    public string Status { get; } = status;

    public long Transitions { get; private set; }

    public long Failed { get; private set; }

    public long Completed { get; private set; }

    public short[] LatencyBuckets => [.. _latency.Where(pair => pair.Value != 0).Select(pair => pair.Key)];

    public long[] LatencyCounts => [.. _latency.Values.Where(count => count != 0)];

    public void AddTransition(bool failed)
    {
        Transitions++;
        Failed += failed ? 1 : 0;
    }

    public void AddStay(long nanoseconds) => Count(nanoseconds, 1);

    public void RemoveStay(long nanoseconds) => Count(nanoseconds, -1);

    private void Count(long nanoseconds, int sign)
    {
        Completed += sign;
        var bucket = LatencyHistogram.Bucket(nanoseconds);
        _latency[bucket] = _latency.GetValueOrDefault(bucket) + sign;
    }
}

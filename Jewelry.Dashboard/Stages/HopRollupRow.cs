using Jewelry.Dashboard.Orders.State;

namespace Jewelry.Dashboard.Stages;

/// <summary>The hops of one batch in one bucket of one tier, for one hop: what is added to its <c>hop_rollups</c> row.</summary>
internal sealed class HopRollupRow(RollupTier tier, long bucketStart, string kind, string service, string name)
{
    private readonly SortedDictionary<short, long> _latency = [];
    private readonly List<OrderSpanFacts> _slowest = [];

    public RollupTier Tier { get; } = tier;

    public long BucketStart { get; } = bucketStart;

    public string Kind { get; } = kind;

    public string Service { get; } = service;

    public string Name { get; } = name;

    public long Count { get; private set; }

    public long Errors { get; private set; }

    public long TotalNanoseconds { get; private set; }

    public long MaxNanoseconds { get; private set; }

    public short[] LatencyBuckets => [.. _latency.Keys];

    public long[] LatencyCounts => [.. _latency.Values];

    /// <summary>The slowest hops, longest first, ties by trace id then span id as PostgreSQL orders bytea.</summary>
    public IReadOnlyList<OrderSpanFacts> Slowest => _slowest;

    public void Add(OrderSpanFacts hop)
    {
        var duration = Duration(hop);
        Count++;
        Errors += hop.Failed ? 1 : 0;
        TotalNanoseconds += duration;
        MaxNanoseconds = Math.Max(MaxNanoseconds, duration);
        var bucket = LatencyHistogram.Bucket(duration);
        _latency[bucket] = _latency.GetValueOrDefault(bucket) + 1;
        _slowest.Add(hop);
        if (_slowest.Count > 2 * HopRollups.SlowestPerBucket)
        {
            Trim();
        }
    }

    public void Trim()
    {
        _slowest.Sort(static (a, b) =>
        {
            var byDuration = Duration(b).CompareTo(Duration(a));
            if (byDuration != 0)
            {
                return byDuration;
            }

            var byTrace = a.Span.TraceId.AsSpan().SequenceCompareTo(b.Span.TraceId);
            return byTrace != 0 ? byTrace : a.Span.SpanId.AsSpan().SequenceCompareTo(b.Span.SpanId);
        });
        if (_slowest.Count > HopRollups.SlowestPerBucket)
        {
            _slowest.RemoveRange(HopRollups.SlowestPerBucket, _slowest.Count - HopRollups.SlowestPerBucket);
        }
    }

    public static long Duration(OrderSpanFacts hop) => hop.Span.EndTimeUnixNano - hop.Span.StartTimeUnixNano;
}

namespace Jewelry.Benchmarks.Tracing;

/// <summary>Every counted batch of one stack, summed up: throughput over the batches' time, latency percentiles over all priced orders.</summary>
public sealed class StackResults(TracingMode mode)
{
    private readonly List<BatchResult> _batches = [];

    public TracingMode Mode { get; } = mode;

    public IReadOnlyList<BatchResult> Batches => _batches;

    public int Orders => _batches.Sum(b => b.Outcomes.Count);

    public int Priced => _batches.Sum(b => b.Priced);

    public IEnumerable<OrderOutcome> Failures => _batches.SelectMany(b => b.Outcomes).Where(o => !o.Succeeded);

    /// <summary>Priced orders divided by the time the batches ran (pauses between batches excluded).</summary>
    public double OrdersPerSecond => Priced / _batches.Sum(b => b.Elapsed.TotalSeconds);

    public TimeSpan? P50 => Percentile.Of(SortedLatencies(), 50);

    public TimeSpan? P99 => Percentile.Of(SortedLatencies(), 99);

    public void Add(BatchResult batch) => _batches.Add(batch);

    private List<TimeSpan> SortedLatencies() => [.. _batches.SelectMany(b => b.Latencies).Order()];
}

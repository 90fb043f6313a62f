namespace Jewelry.Benchmarks.Tracing;

/// <summary>One batch of orders on one stack: every order's outcome and the batch's wall-clock time.</summary>
public sealed record BatchResult(IReadOnlyList<OrderOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Priced => Outcomes.Count(o => o.Succeeded);

    public double OrdersPerSecond => Priced / Elapsed.TotalSeconds;

    public IEnumerable<TimeSpan> Latencies => Outcomes.Where(o => o.Succeeded).Select(o => o.Elapsed);
}

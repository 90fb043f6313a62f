namespace Jewelry.Benchmarks.Tracing;

/// <summary>How one order went: its end-to-end latency when it reached PRICE_CALCULATED, otherwise why not.</summary>
public sealed record OrderOutcome(bool Succeeded, TimeSpan Elapsed, string? Failure)
{
    public static OrderOutcome Priced(TimeSpan latency) => new(true, latency, null);

    public static OrderOutcome Failed(TimeSpan elapsed, string reason) => new(false, elapsed, reason);
}

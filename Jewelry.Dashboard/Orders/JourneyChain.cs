namespace Jewelry.Dashboard.Orders;

/// <summary>One trace of the order: a chain of hops started by one request or one message, e.g. the price calculation.</summary>
public sealed record JourneyChain(
    string TraceId,
    string Name,
    string Service,
    DateTimeOffset StartTime,
    double DurationMs,
    int ErrorCount,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> StatusesEntered,
    IReadOnlyList<JourneyHop> Hops)
{
    /// <summary>Someone looked at the order (a customer polling its status, say): no status, no message, no error.</summary>
    public bool IsReadOnly => StatusesEntered.Count == 0 && ErrorCount == 0 && Hops.All(hop => hop.Kind != HopKind.Queue);
}

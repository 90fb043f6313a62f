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
    IReadOnlyList<JourneyHop> Hops);

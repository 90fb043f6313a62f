namespace Jewelry.Dashboard.Orders;

/// <summary>A status the order entered: when, for how long (until the next one; null while it is still in it), and where that was recorded.</summary>
public sealed record JourneyStatus(
    string Status,
    string? From,
    DateTimeOffset EnteredAt,
    double? DurationMs,
    string Service,
    string Stage,
    string TraceId,
    string SpanId);

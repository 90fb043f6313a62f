namespace Jewelry.Dashboard.Orders;

/// <summary>
/// One step of a chain: an HTTP call, a message sent or processed, a database command, a store call, or a
/// status change. <see cref="OffsetMs"/> is from the start of its chain; <see cref="Error"/> is set when it failed.
/// </summary>
public sealed record JourneyHop(
    HopKind Kind,
    string Service,
    string Name,
    string? Detail,
    DateTimeOffset StartTime,
    double OffsetMs,
    double DurationMs,
    string? Error,
    string SpanId,
    string? ParentSpanId,
    int Depth);

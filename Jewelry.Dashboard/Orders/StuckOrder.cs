namespace Jewelry.Dashboard.Orders;

/// <summary>
/// An order whose last status is older than that status's threshold: where it sits (service, stage, queue),
/// since when, the message it waits on if one was lost, and the last thing the telemetry saw happen to it.
/// </summary>
public sealed record StuckOrder(
    string OrderId,
    string Status,
    DateTimeOffset Since,
    double WaitingMs,
    double ThresholdMs,
    string Service,
    string Stage,
    string? Queue,
    LostMessage? WaitingOn,
    LastActivity? LastActivity,
    string TraceId);

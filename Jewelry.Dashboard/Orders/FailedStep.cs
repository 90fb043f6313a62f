namespace Jewelry.Dashboard.Orders;

/// <summary>
/// A failed transition or a failed step of an order's chain (a request, a publish, a message's processing), with
/// its reason and, when it recorded one, its <c>error.type</c>. <see cref="Resolved"/>: the order has entered a status since, so the failure no longer holds it.
/// </summary>
public sealed record FailedStep(
    string? OrderId,
    HopKind Kind,
    string Service,
    string Name,
    string Reason,
    string? ErrorType,
    DateTimeOffset At,
    bool Resolved,
    string TraceId,
    string SpanId);

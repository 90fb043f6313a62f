namespace Jewelry.Dashboard.Orders;

/// <summary>A message a consumer gave up on and sent to the dead-letter queue, with the reason it recorded.</summary>
public sealed record DeadLetteredMessage(
    string? OrderId,
    string? MessageId,
    string? Queue,
    string? RoutingKey,
    string Reason,
    DateTimeOffset At,
    string Service,
    string TraceId,
    string SpanId);

namespace Jewelry.Dashboard.Orders;

/// <summary>A message RabbitMQ confirmed but no consumer has processed (no consumer span with its message id) after the threshold.</summary>
public sealed record LostMessage(
    string? OrderId,
    string MessageId,
    string? Exchange,
    string? RoutingKey,
    string? Queue,
    DateTimeOffset PublishedAt,
    double WaitingMs,
    string Publisher,
    string TraceId,
    string SpanId);

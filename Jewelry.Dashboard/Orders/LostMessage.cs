using Jewelry.Dashboard.Otlp.Decoding;

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
    string SpanId)
{
    /// <summary>The message a producer span published, waiting since the span ended.</summary>
    public static LostMessage FromProducer(OrderSpan span, OrderTrackingOptions options, DateTimeOffset now)
    {
        var publishedAt = UnixNano.ToDateTimeOffset(span.EndTimeUnixNano);
        return new LostMessage(
            span.Attribute(HopClassification.OrderIdAttribute),
            span.Attribute("messaging.message.id") ?? string.Empty,
            span.Attribute("messaging.destination.name"),
            span.Attribute("messaging.rabbitmq.destination.routing_key"),
            HopDetail.QueueOf(span, options),
            publishedAt,
            Math.Max(0, (now - publishedAt).TotalMilliseconds),
            span.ServiceName,
            span.TraceId,
            span.SpanId);
    }
}

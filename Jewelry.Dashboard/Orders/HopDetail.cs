using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Orders;

/// <summary>One line that says where a hop went: the queue and routing key, the table, the bucket, the route.</summary>
public static class HopDetail
{
    public static string? Describe(OrderSpan span, OrderTrackingOptions options) => HopClassification.Classify(span.Attributes) switch
    {
        HopKind.Status => $"{span.Attribute(HopClassification.StatusFromAttribute) ?? "(new)"} -> {span.Attribute(HopClassification.StatusToAttribute)}",
        HopKind.Queue => Queue(span, options),
        HopKind.Database => Join(span.Attribute("db.namespace"), span.Attribute("db.collection.name"), Prefixed("batch of ", span.Attribute("db.operation.batch.size"))),
        HopKind.Store => Join(Prefixed("bucket ", span.Attribute("aws.s3.bucket")), Prefixed("status ", span.Attribute("http.response.status_code"))),
        HopKind.Http => Join(span.Attribute("http.route") ?? span.Attribute("url.path"), Prefixed("status ", span.Attribute("http.response.status_code"))),
        _ => null,
    };

    /// <summary>The queue a message sits in: named by its consumer, or by the configured binding of its routing key.</summary>
    public static string? QueueOf(OrderSpan span, OrderTrackingOptions options) =>
        QueueOf(span.Attribute(MessagingAttributes.Queue), span.Attribute(MessagingAttributes.RoutingKey), options);

    /// <summary>The queue a span names, else the one its routing key is bound to in the settings.</summary>
    public static string? QueueOf(string? queue, string? routingKey, OrderTrackingOptions options) =>
        queue ?? (routingKey is not null && options.Queues.TryGetValue(routingKey, out var bound) ? bound : null);

    private static string Queue(OrderSpan span, OrderTrackingOptions options)
    {
        var routingKey = Prefixed("routing key ", span.Attribute("messaging.rabbitmq.destination.routing_key"));
        var queue = Prefixed("queue ", QueueOf(span, options));
        var outcome = span.Kind == SpanKind.Producer
            ? span.Attribute("messaging.rabbitmq.confirmed") == "true" ? "confirmed" : "not confirmed"
            : span.Attribute("messaging.rabbitmq.dead_lettered") == "true" ? "dead-lettered" : null;
        return Join(queue, routingKey, outcome)!;
    }

    private static string? Prefixed(string prefix, string? value) => value is null ? null : prefix + value;

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return present.Length == 0 ? null : string.Join(" · ", present);
    }
}

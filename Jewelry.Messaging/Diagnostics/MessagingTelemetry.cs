using System.Diagnostics;
using Jewelry.Contracts.Topology;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Messaging.Diagnostics;

/// <summary>
/// Spans for RabbitMQ with the current messaging conventions. A publish continues the trace stored with
/// the outbox row; a consumer's processing span is a child of the publisher's context and links to it,
/// so a chain across services is one trace.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "Jewelry.Messaging";
    public const string ConfirmedAttribute = "messaging.rabbitmq.confirmed";
    public const string DeadLetteredAttribute = "messaging.rabbitmq.dead_lettered";
    public const string DeadLetterReasonAttribute = "messaging.rabbitmq.dead_letter.reason";
    public const string QueueAttribute = "messaging.rabbitmq.queue";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartPublish(string exchange, string routingKey, string messageId, Guid? orderId, string? traceParent, string? traceState, string? baggage, int bodySize)
    {
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        var activity = Source.StartActivity(
            ActivityKind.Producer,
            parent,
            Tags("send", exchange, routingKey, messageId, orderId, baggage, bodySize),
            name: $"send {routingKey}");
        AddBaggage(activity, baggage);
        return activity;
    }

    public static Activity? StartProcess(QueueDefinition queue, string exchange, string routingKey, string messageId, IReadOnlyDictionary<string, string> headers, int bodySize)
    {
        ActivityContext.TryParse(headers.GetValueOrDefault(MessageHeaders.TraceParent), headers.GetValueOrDefault(MessageHeaders.TraceState), isRemote: true, out var parent);
        var baggage = headers.GetValueOrDefault(MessageHeaders.Baggage);
        Guid? orderId = Guid.TryParse(headers.GetValueOrDefault(MessageHeaders.OrderId), out var id) ? id : null;
        var tags = Tags("process", exchange, routingKey, messageId, orderId, baggage, bodySize);
        tags.Add(new(QueueAttribute, queue.Name));
        var activity = Source.StartActivity(
            ActivityKind.Consumer,
            parent,
            tags,
            links: parent == default ? null : [new ActivityLink(parent)],
            name: $"process {queue.Name}");
        AddBaggage(activity, baggage);
        return activity;
    }

    public static void RecordError(Activity? activity, Exception exception, string description)
    {
        activity?.SetTag("error.type", exception.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }

    private static List<KeyValuePair<string, object?>> Tags(string operation, string exchange, string routingKey, string messageId, Guid? orderId, string? baggage, int bodySize)
    {
        List<KeyValuePair<string, object?>> tags =
        [
            new("messaging.system", "rabbitmq"),
            new("messaging.operation.type", operation),
            new("messaging.operation.name", operation == "send" ? "publish" : "process"),
            new("messaging.destination.name", exchange),
            new("messaging.rabbitmq.destination.routing_key", routingKey),
            new("messaging.message.id", messageId),
            new("messaging.message.body.size", bodySize),
        ];

        // The processor copies baggage onto spans as they start, but these spans receive theirs from the message.
        var fromBaggage = W3CBaggage.Parse(baggage).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var order = orderId?.ToString() ?? fromBaggage.GetValueOrDefault(OrderTelemetry.OrderId);
        if (order is not null)
        {
            tags.Add(new(OrderTelemetry.OrderId, order));
        }

        if (fromBaggage.GetValueOrDefault(OrderTelemetry.UserId) is { } user)
        {
            tags.Add(new(OrderTelemetry.UserId, user));
        }

        return tags;
    }

    private static void AddBaggage(Activity? activity, string? baggage)
    {
        if (activity is null)
        {
            return;
        }

        foreach (var (key, value) in W3CBaggage.Parse(baggage))
        {
            activity.AddBaggage(key, value);
        }
    }
}

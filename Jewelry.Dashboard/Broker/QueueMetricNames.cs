namespace Jewelry.Dashboard.Broker;

/// <summary>The metric names and attributes queue figures are stored under (as the OpenTelemetry Collector's RabbitMQ receiver names them).</summary>
public static class QueueMetricNames
{
    public const string ScopeName = "Jewelry.Dashboard.Broker";

    /// <summary>Messages in the queue, ready and unacknowledged.</summary>
    public const string Messages = "rabbitmq.message.current";

    public const string Consumers = "rabbitmq.consumer.count";

    /// <summary>On <see cref="Messages"/>: <c>ready</c> or <c>unacknowledged</c>.</summary>
    public const string StateAttribute = "state";

    public const string QueueAttribute = "rabbitmq.queue.name";

    public const string VhostAttribute = "rabbitmq.vhost.name";

    public const string Ready = "ready";

    public const string Unacknowledged = "unacknowledged";

    public static readonly string[] All = [Messages, Consumers];
}

using System.Text.Json.Serialization;

namespace Jewelry.Dashboard.Broker;

/// <summary>One queue as the management API's <c>GET /api/queues</c> lists it (the columns read).</summary>
public sealed record ManagementQueueInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("vhost")] string Vhost,
    [property: JsonPropertyName("messages_ready")] long? MessagesReady,
    [property: JsonPropertyName("messages_unacknowledged")] long? MessagesUnacknowledged,
    [property: JsonPropertyName("consumers")] long? Consumers);

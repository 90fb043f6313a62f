namespace Jewelry.Dashboard.Orders;

/// <summary>
/// The messaging attributes the dashboard reads, as Jewelry.Messaging (MessagingTelemetry) and the OpenTelemetry
/// semantic conventions write them. The dashboard does not reference the messaging library, so the names are here once.
/// </summary>
public static class MessagingAttributes
{
    public const string MessageId = "messaging.message.id";
    public const string DestinationName = "messaging.destination.name";
    public const string RoutingKey = "messaging.rabbitmq.destination.routing_key";
    public const string Queue = "messaging.rabbitmq.queue";
    public const string Confirmed = "messaging.rabbitmq.confirmed";
    public const string DeadLettered = "messaging.rabbitmq.dead_lettered";
    public const string DeadLetterReason = "messaging.rabbitmq.dead_letter.reason";
    public const string ErrorType = "error.type";
}

namespace Jewelry.Messaging.Publishing;

public sealed record OutgoingMessage(
    string Exchange,
    string RoutingKey,
    string MessageId,
    string MessageType,
    ReadOnlyMemory<byte> Body,
    IDictionary<string, object?> Headers);

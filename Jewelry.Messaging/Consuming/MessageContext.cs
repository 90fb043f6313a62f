namespace Jewelry.Messaging.Consuming;

public sealed record MessageContext(
    string MessageId,
    string Queue,
    string RoutingKey,
    bool Redelivered,
    int Attempt,
    IReadOnlyDictionary<string, string> Headers);

namespace Jewelry.Messaging.Inbox;

/// <summary>A message a consumer has processed; its key makes a redelivery change nothing twice.</summary>
public sealed class InboxMessage
{
    public required string MessageId { get; init; }

    public required string Consumer { get; init; }

    public required string MessageType { get; init; }

    public Guid? OrderId { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}

namespace Jewelry.Messaging.Consuming;

/// <summary>
/// Handles one message type. It runs inside the consumer's database transaction, with the
/// service's scoped DbContext: its changes, its outbox rows and the inbox row commit together.
/// </summary>
public interface IMessageHandler<in TMessage>
    where TMessage : notnull
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}

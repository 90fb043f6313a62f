namespace Jewelry.Messaging.Consuming;

/// <summary>Thrown by a handler when retrying cannot help; the message goes straight to the dead-letter queue with this reason.</summary>
public sealed class PermanentMessageException(string reason) : Exception(reason);

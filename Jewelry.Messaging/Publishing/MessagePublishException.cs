namespace Jewelry.Messaging.Publishing;

/// <summary>The broker did not take responsibility for a message: returned as unroutable, nacked, or not confirmed in time.</summary>
public sealed class MessagePublishException(string message, Exception? inner = null) : Exception(message, inner);

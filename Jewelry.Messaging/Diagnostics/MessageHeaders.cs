namespace Jewelry.Messaging.Diagnostics;

/// <summary>AMQP header names this library writes.</summary>
public static class MessageHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string Baggage = "baggage";
    public const string OrderId = "x-order-id";
    public const string DeadLetterReason = "x-dead-letter-reason";
    public const string DeadLetterQueue = "x-dead-letter-source-queue";
    public const string DeadLetterAttempts = "x-dead-letter-attempts";
    public const string DeadLetteredAt = "x-dead-lettered-at";
}

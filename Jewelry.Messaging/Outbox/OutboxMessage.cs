namespace Jewelry.Messaging.Outbox;

/// <summary>
/// A message waiting to be published. It is saved in the same transaction as the state change
/// that caused it, with the trace context of that moment, so the relay can publish it later
/// inside the same trace.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Also the AMQP message id, so consumers can recognise redeliveries.</summary>
    public Guid Id { get; init; }

    public required string MessageType { get; init; }

    public required string RoutingKey { get; init; }

    public required string Payload { get; init; }

    public Guid? OrderId { get; init; }

    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public string? Baggage { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

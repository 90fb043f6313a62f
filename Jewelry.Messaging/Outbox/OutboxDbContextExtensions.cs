using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues <paramref name="message"/> for publishing. It is written by the caller's next SaveChanges,
    /// in the same transaction as the state change, and carries the current trace context and baggage.
    /// </summary>
    public static OutboxMessage AddOutboxMessage<TMessage>(this DbContext db, string routingKey, TMessage message, Guid? orderId, TimeProvider? clock = null)
        where TMessage : notnull
    {
        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = MessageSerializer.TypeName(typeof(TMessage)),
            RoutingKey = routingKey,
            Payload = MessageSerializer.Serialize(message),
            OrderId = orderId,
            TraceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : null,
            TraceState = activity?.TraceStateString,
            Baggage = activity is null ? null : W3CBaggage.Format(activity.Baggage),
            CreatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
        };
        db.Set<OutboxMessage>().Add(row);
        return row;
    }
}

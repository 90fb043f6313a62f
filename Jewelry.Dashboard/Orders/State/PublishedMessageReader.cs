using Jewelry.Dashboard.Otlp.Decoding;
using Npgsql;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>Reads <c>published_messages</c> rows not yet consumed as <see cref="LostMessage"/>s (waiting since they were published).</summary>
internal static class PublishedMessageReader
{
    public const string Columns = "order_id, message_id, exchange, routing_key, queue, published_at, publisher, trace_id, span_id";

    public static async Task<List<LostMessage>> ReadAllAsync(NpgsqlCommand command, OrderTrackingOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var messages = new List<LostMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var routingKey = Text(reader, 3);
            var publishedAt = UnixNano.ToDateTimeOffset(reader.GetInt64(5));
            messages.Add(new LostMessage(
                Text(reader, 0),
                reader.GetString(1),
                Text(reader, 2),
                routingKey,
                HopDetail.QueueOf(Text(reader, 4), routingKey, settings),
                publishedAt,
                Math.Max(0, (now - publishedAt).TotalMilliseconds),
                reader.GetString(6),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(7)),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(8))));
        }

        return messages;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System.Text.Json;
using Jewelry.Dashboard.Orders.State;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Orders;

/// <summary>
/// Reads every span that carries an order's id (one GIN lookup) and builds its journey; its header (the status it is
/// in, since when, and the messages it waits on) comes from the state kept at ingest, which also knows the consumer
/// spans that carry no order id and outlives raw spans.
/// </summary>
public sealed class OrderJourneyQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options, TimeProvider time)
{
    /// <summary>More than any real order has; a runaway order (a retry loop) is shown truncated rather than timing out.</summary>
    public const int MaxSpans = 10_000;

    public async Task<OrderJourney?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("s")}
            FROM spans s
            WHERE s.attributes @> @filter
            ORDER BY s.start_time_unix_nano, s.span_id
            LIMIT {MaxSpans + 1}
            """,
            connection);
        command.Parameters.AddWithValue("filter", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(new Dictionary<string, string> { [HopClassification.OrderIdAttribute] = orderId }));
        var spans = await OrderSpanReader.ReadAllAsync(command, cancellationToken);
        if (spans.Count == 0)
        {
            return null;
        }

        var truncated = spans.Count > MaxSpans;
        var now = time.GetUtcNow();
        var journey = OrderJourneyBuilder.Build(orderId, truncated ? spans[..MaxSpans] : spans, options.Value, now, truncated);
        return await WithHeaderFromStateAsync(connection, journey, now, cancellationToken);
    }

    private async Task<OrderJourney> WithHeaderFromStateAsync(NpgsqlConnection connection, OrderJourney journey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var pending = new NpgsqlCommand(
            $"""
            SELECT {PublishedMessageReader.Columns}
            FROM published_messages
            WHERE order_id = @id AND confirmed AND NOT consumed
            ORDER BY published_at
            """,
            connection);
        pending.Parameters.AddWithValue("id", journey.OrderId);
        var waitingOn = await PublishedMessageReader.ReadAllAsync(pending, options.Value, now, cancellationToken);

        await using var state = new NpgsqlCommand("SELECT status, status_entered_at FROM order_state WHERE order_id = @id AND status IS NOT NULL", connection);
        state.Parameters.AddWithValue("id", journey.OrderId);
        await using var reader = await state.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? OrderJourneyBuilder.WithCurrentStatus(journey, reader.GetString(0), UnixNano.ToDateTimeOffset(reader.GetInt64(1)), waitingOn, options.Value, now)
            : journey with { PendingMessages = waitingOn };
    }
}

using System.Text.Json;
using Jewelry.Dashboard.Orders.State;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Orders;

/// <summary>
/// Finds orders past their status's threshold, confirmed messages no consumer processed, dead-lettered messages, and
/// failed steps of orders, from the state kept at ingest (schema 010_order_state.sql), not from raw spans: each part
/// is one indexed range over the look-back window. Every entry carries an order id, so it links to a journey and
/// support users see no telemetry that is not an order's.
/// </summary>
public sealed class StuckOrderQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options, TimeProvider time)
{
    public const int MaxRows = 200;

    public async Task<StuckOrdersReport> GetAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var since = UnixNano.FromDateTimeOffset(now - settings.LookBack);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var lost = await LostMessagesAsync(connection, since, UnixNano.FromDateTimeOffset(now - settings.LostMessageAfter), settings, now, cancellationToken);
        var deadLettered = await DeadLetteredAsync(connection, since, settings, cancellationToken);
        var failures = await FailuresAsync(connection, since, cancellationToken);
        var (stuck, counts) = await StuckAsync(connection, since, now, settings, cancellationToken);
        var stuckOrders = stuck
            .Select(order => order with { WaitingOn = lost.Where(m => m.OrderId == order.OrderId).MaxBy(m => m.PublishedAt) ?? order.WaitingOn })
            .Select(order => order with { Queue = order.WaitingOn?.Queue ?? order.Queue })
            .ToList();

        return new StuckOrdersReport(now, now - settings.LookBack, settings.LostMessageAfter.TotalMilliseconds, stuckOrders, lost, deadLettered, failures)
        {
            StuckCounts = counts,
        };
    }

    /// <summary>
    /// Per status with a threshold, the orders in it since before the threshold: counted whole, and the
    /// <see cref="MaxRows"/> oldest of each read, of which the <see cref="MaxRows"/> most overdue relative to their
    /// thresholds are listed. The oldest of a status are its most overdue, so the list is exact.
    /// </summary>
    private static async Task<(List<StuckOrder> Orders, List<StuckStatusCount> Counts)> StuckAsync(
        NpgsqlConnection connection, long since, DateTimeOffset now, OrderTrackingOptions settings, CancellationToken cancellationToken)
    {
        var thresholds = settings.Statuses.Where(status => status.Threshold is not null).ToList();
        await using var command = new NpgsqlCommand(
            $"""
            WITH thresholds AS (SELECT * FROM unnest(@statuses::text[], @thresholds::bigint[]) AS t(status, threshold)),
            counts AS (
                SELECT coalesce(json_agg(json_build_array(t.status, c.n, c.longest)), '[]')::text AS counts
                FROM thresholds t
                CROSS JOIN LATERAL (
                    SELECT count(*) AS n, @now - min(o.status_entered_at) AS longest
                    FROM order_state o
                    WHERE o.status IS NOT NULL AND lower(o.status) = lower(t.status)
                      AND o.status_entered_at >= @since AND o.status_entered_at < @now - t.threshold) c
                WHERE c.n > 0),
            oldest AS (
                SELECT o.*, t.threshold, (@now - o.status_entered_at)::float8 / t.threshold AS ratio
                FROM thresholds t
                CROSS JOIN LATERAL (
                    SELECT * FROM order_state o
                    WHERE o.status IS NOT NULL AND lower(o.status) = lower(t.status)
                      AND o.status_entered_at >= @since AND o.status_entered_at < @now - t.threshold
                    ORDER BY lower(o.status), o.status_entered_at
                    LIMIT {MaxRows}) o)
            SELECT (SELECT counts FROM counts), o.order_id, o.status, o.status_entered_at, o.status_trace_id,
                   o.last_at, o.last_service, o.last_name, o.last_error, o.last_trace_id, o.last_span_id
            FROM oldest o
            ORDER BY o.ratio DESC
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("statuses", thresholds.Select(status => status.Name).ToArray());
        command.Parameters.AddWithValue("thresholds", thresholds.Select(status => status.Threshold!.Value.Ticks * 100).ToArray());
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("now", UnixNano.FromDateTimeOffset(now));
        var orders = new List<StuckOrder>();
        var counts = new List<StuckStatusCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (orders.Count == 0)
            {
                counts = ReadCounts(reader.GetString(0));
            }

            var status = reader.GetString(2);
            var stage = settings.Find(status)!;
            var since_ = UnixNano.ToDateTimeOffset(reader.GetInt64(3));
            orders.Add(new StuckOrder(
                reader.GetString(1),
                stage.Name,
                since_,
                (now - since_).TotalMilliseconds,
                stage.Threshold!.Value.TotalMilliseconds,
                stage.Service,
                stage.Stage,
                stage.Queue,
                null,
                new LastActivity(
                    UnixNano.ToDateTimeOffset(reader.GetInt64(5)),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    Hex(reader, 9),
                    Hex(reader, 10)),
                Hex(reader, 4)));
        }

        return (orders, counts);
    }

    private static List<StuckStatusCount> ReadCounts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(row => new StuckStatusCount(row[0].GetString()!, row[1].GetInt64(), row[2].GetInt64() / 1e6))];
    }

    private static async Task<List<LostMessage>> LostMessagesAsync(
        NpgsqlConnection connection, long since, long publishedBefore, OrderTrackingOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {PublishedMessageReader.Columns}
            FROM published_messages
            WHERE confirmed AND NOT consumed AND published_at >= @since AND published_at < @publishedBefore AND order_id IS NOT NULL
            ORDER BY published_at
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("publishedBefore", publishedBefore);
        return await PublishedMessageReader.ReadAllAsync(command, settings, now, cancellationToken);
    }

    private static async Task<List<DeadLetteredMessage>> DeadLetteredAsync(
        NpgsqlConnection connection, long since, OrderTrackingOptions settings, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT order_id, message_id, queue, routing_key, reason, at, service_name, trace_id, span_id
            FROM order_failures
            WHERE dead_lettered AND at >= @since
            ORDER BY at DESC
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        var messages = new List<DeadLetteredMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var routingKey = Text(reader, 3);
            messages.Add(new DeadLetteredMessage(
                reader.GetString(0),
                Text(reader, 1),
                HopDetail.QueueOf(Text(reader, 2), routingKey, settings),
                routingKey,
                reader.GetString(4),
                UnixNano.ToDateTimeOffset(reader.GetInt64(5)),
                reader.GetString(6),
                Hex(reader, 7),
                Hex(reader, 8)));
        }

        return messages;
    }

    /// <summary>
    /// Failed steps of orders, newest first, unresolved before resolved; a failure is resolved when its order has
    /// entered a status since (within the window).
    /// </summary>
    private static async Task<List<FailedStep>> FailuresAsync(NpgsqlConnection connection, long since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT f.order_id, f.hop_kind, f.service_name, f.name, f.reason, f.error_type, f.at,
                   coalesce(o.status_entered_at >= @since AND o.status_entered_at > f.at, false), f.trace_id, f.span_id
            FROM (SELECT * FROM order_failures WHERE NOT dead_lettered AND at >= @since ORDER BY at DESC LIMIT {MaxRows}) f
            LEFT JOIN order_state o ON o.order_id = f.order_id
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        var failures = new List<FailedStep>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            failures.Add(new FailedStep(
                reader.GetString(0),
                HopClassification.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                Text(reader, 5),
                UnixNano.ToDateTimeOffset(reader.GetInt64(6)),
                reader.GetBoolean(7),
                Hex(reader, 8),
                Hex(reader, 9)));
        }

        return [.. failures.OrderBy(failure => failure.Resolved).ThenByDescending(failure => failure.At)];
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Hex(NpgsqlDataReader reader, int ordinal) => Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(ordinal));
}

using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>
/// Keeps the order state (schema 010_order_state.sql) in the writer's transaction: the facts of every span in the
/// batch go to a temporary table, and the statements below apply those of the spans that were new
/// (<see cref="TelemetryWriter.NewSpansTable"/>), so a re-sent span is applied once.
/// </summary>
public static class OrderStateWriter
{
    private const long StateLockKey = 0x4A65_7765_6C72_7953; // "JewelryS"

    private const string FactColumns =
        "trace_id, span_id, order_id, service_name, name, kind, start_time_unix_nano, end_time_unix_nano, failed, status_to, message_id, confirmed, dead_lettered, " +
        "exchange, routing_key, queue, error_type, hop_kind, reason, dead_letter_reason";

    private const string CreateIncomingSql = """
        CREATE TEMP TABLE incoming_order_spans (
            trace_id bytea NOT NULL, span_id bytea NOT NULL, order_id text, service_name text NOT NULL, name text NOT NULL,
            kind smallint NOT NULL, start_time_unix_nano bigint NOT NULL, end_time_unix_nano bigint NOT NULL, failed boolean NOT NULL, status_to text, message_id text,
            confirmed boolean NOT NULL, dead_lettered boolean NOT NULL, exchange text, routing_key text, queue text, error_type text,
            hop_kind text NOT NULL, reason text, dead_letter_reason text
        ) ON COMMIT DROP
        """;

    private static readonly string[] s_applySql =
    [
        // One writer at a time: two transactions adding status changes of one order would each miss the other's.
        $"SELECT pg_advisory_xact_lock({StateLockKey})",
        $"""
        CREATE TEMP TABLE new_order_spans ON COMMIT DROP AS
        SELECT DISTINCT ON (f.trace_id, f.span_id) f.*
        FROM incoming_order_spans f
        JOIN {TelemetryWriter.NewSpansTable} n ON n.trace_id = f.trace_id AND n.span_id = f.span_id
        """,
        $"CREATE TEMP TABLE {StatusRollups.StayChangesTable} ({StatusRollups.StayChangeColumns}) ON COMMIT DROP",
        $"""
        WITH inserted AS (
            INSERT INTO order_transitions (order_id, entered_at, span_id, trace_id, status, failed, service_name)
            SELECT order_id, end_time_unix_nano, span_id, trace_id, status_to, failed, service_name
            FROM new_order_spans
            WHERE status_to IS NOT NULL AND order_id IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING status, entered_at, failed)
        INSERT INTO {StatusRollups.StayChangesTable} (status, entered_at, failed, inserted)
        SELECT status, entered_at, failed, true FROM inserted
        """,
        // Each order with a new status change gets its stays recomputed: a late transition splits the stay it falls in.
        // What changed goes to the status rollups, the old duration out and the new one in.
        $"""
        WITH changed AS (
            SELECT DISTINCT order_id FROM new_order_spans WHERE status_to IS NOT NULL AND order_id IS NOT NULL AND NOT failed),
        stays AS (
            SELECT t.order_id, t.entered_at, t.span_id, t.left_at AS old_left_at,
                   lead(t.entered_at) OVER (PARTITION BY t.order_id ORDER BY t.entered_at, t.span_id) AS left_at
            FROM order_transitions t
            JOIN changed c ON c.order_id = t.order_id
            WHERE NOT t.failed),
        updated AS (
            UPDATE order_transitions t SET left_at = s.left_at
            FROM stays s
            WHERE t.order_id = s.order_id AND t.entered_at = s.entered_at AND t.span_id = s.span_id
              AND s.left_at IS DISTINCT FROM s.old_left_at
            RETURNING t.status, t.entered_at, s.old_left_at, t.left_at)
        INSERT INTO {StatusRollups.StayChangesTable} (status, entered_at, failed, inserted, old_left_at, new_left_at)
        SELECT status, entered_at, false, false, old_left_at, left_at FROM updated
        """,
        """
        WITH moved AS (
            SELECT DISTINCT ON (t.order_id) t.order_id, t.status, t.entered_at, t.trace_id, t.span_id
            FROM order_transitions t
            WHERE NOT t.failed
              AND t.order_id IN (SELECT order_id FROM new_order_spans WHERE status_to IS NOT NULL AND NOT failed)
            ORDER BY t.order_id, t.entered_at DESC, t.span_id DESC),
        newest AS (
            SELECT DISTINCT ON (order_id) order_id, end_time_unix_nano, service_name, name, CASE WHEN failed THEN reason END AS error, trace_id, span_id
            FROM new_order_spans
            WHERE order_id IS NOT NULL
            ORDER BY order_id, end_time_unix_nano DESC, span_id DESC)
        INSERT INTO order_state AS o (order_id, status, status_entered_at, status_trace_id, status_span_id,
                                      last_at, last_service, last_name, last_error, last_trace_id, last_span_id)
        SELECT n.order_id, m.status, m.entered_at, m.trace_id, m.span_id,
               n.end_time_unix_nano, n.service_name, n.name, n.error, n.trace_id, n.span_id
        FROM newest n
        LEFT JOIN moved m ON m.order_id = n.order_id
        ON CONFLICT (order_id) DO UPDATE SET
            status = coalesce(excluded.status, o.status),
            status_entered_at = coalesce(excluded.status_entered_at, o.status_entered_at),
            status_trace_id = coalesce(excluded.status_trace_id, o.status_trace_id),
            status_span_id = coalesce(excluded.status_span_id, o.status_span_id),
            last_at = greatest(o.last_at, excluded.last_at),
            last_service = CASE WHEN (excluded.last_at, excluded.last_span_id) > (o.last_at, o.last_span_id) THEN excluded.last_service ELSE o.last_service END,
            last_name = CASE WHEN (excluded.last_at, excluded.last_span_id) > (o.last_at, o.last_span_id) THEN excluded.last_name ELSE o.last_name END,
            last_error = CASE WHEN (excluded.last_at, excluded.last_span_id) > (o.last_at, o.last_span_id) THEN excluded.last_error ELSE o.last_error END,
            last_trace_id = CASE WHEN (excluded.last_at, excluded.last_span_id) > (o.last_at, o.last_span_id) THEN excluded.last_trace_id ELSE o.last_trace_id END,
            last_span_id = CASE WHEN (excluded.last_at, excluded.last_span_id) > (o.last_at, o.last_span_id) THEN excluded.last_span_id ELSE o.last_span_id END
        """,
        """
        INSERT INTO consumed_messages AS c (message_id, first_consumed_at)
        SELECT message_id, min(end_time_unix_nano) FROM new_order_spans WHERE kind = 5 AND message_id IS NOT NULL GROUP BY message_id
        ON CONFLICT (message_id) DO UPDATE SET first_consumed_at = least(c.first_consumed_at, excluded.first_consumed_at)
        """,
        """
        UPDATE published_messages p SET consumed = true
        WHERE NOT p.consumed AND p.message_id IN (SELECT message_id FROM new_order_spans WHERE kind = 5 AND message_id IS NOT NULL)
        """,
        """
        INSERT INTO published_messages (trace_id, span_id, message_id, order_id, published_at, confirmed, consumed, exchange, routing_key, queue, publisher)
        SELECT f.trace_id, f.span_id, f.message_id, f.order_id, f.end_time_unix_nano, f.confirmed,
               EXISTS (SELECT 1 FROM consumed_messages c WHERE c.message_id = f.message_id),
               f.exchange, f.routing_key, f.queue, f.service_name
        FROM new_order_spans f
        WHERE f.kind = 4 AND f.message_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """,
        // The steps the stuck report lists as failures: where a step starts or ends (a status change, a request
        // served, a message sent or processed), and every dead-lettered message.
        """
        INSERT INTO order_failures (trace_id, span_id, order_id, at, dead_lettered, hop_kind, service_name, name, reason, error_type, message_id, routing_key, queue)
        SELECT trace_id, span_id, order_id, end_time_unix_nano, dead_lettered, hop_kind, service_name, name,
               CASE WHEN dead_lettered THEN coalesce(dead_letter_reason, reason) ELSE reason END, error_type, message_id, routing_key, queue
        FROM new_order_spans
        WHERE order_id IS NOT NULL AND (dead_lettered OR (failed AND (status_to IS NOT NULL OR kind IN (2, 4, 5))))
        ON CONFLICT DO NOTHING
        """,
    ];

    /// <summary>Applies <paramref name="facts"/> (of every span in the batch) of which <paramref name="newSpans"/> are of the spans that were new.</summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OrderSpanFacts> facts, IEnumerable<OrderSpanFacts> newSpans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateIncomingSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, facts, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in s_applySql)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var minuteHorizon = UnixNano.FromDateTimeOffset(now - RollupTiers.MinuteTierKeptFor);
        await StatusRollups.ApplyAsync(connection, transaction, minuteHorizon, cancellationToken);
        await HopRollups.ApplyAsync(connection, transaction, newSpans, minuteHorizon, cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<OrderSpanFacts> facts, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY incoming_order_spans ({FactColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var fact in facts)
        {
            var span = fact.Span;
            importer.StartRow();
            importer.Write(span.TraceId, NpgsqlDbType.Bytea);
            importer.Write(span.SpanId, NpgsqlDbType.Bytea);
            WriteText(importer, fact.OrderId);
            importer.Write(span.Resource.ServiceName, NpgsqlDbType.Text);
            importer.Write(span.Name, NpgsqlDbType.Text);
            importer.Write(span.Kind, NpgsqlDbType.Smallint);
            importer.Write(span.StartTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(span.EndTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(fact.Failed, NpgsqlDbType.Boolean);
            WriteText(importer, fact.StatusTo);
            WriteText(importer, fact.MessageId);
            importer.Write(fact.Confirmed, NpgsqlDbType.Boolean);
            importer.Write(fact.DeadLettered, NpgsqlDbType.Boolean);
            WriteText(importer, fact.Exchange);
            WriteText(importer, fact.RoutingKey);
            WriteText(importer, fact.Queue);
            WriteText(importer, fact.ErrorType);
            importer.Write(fact.HopKind.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
            WriteText(importer, fact.Reason);
            WriteText(importer, fact.DeadLetterReason);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }
}

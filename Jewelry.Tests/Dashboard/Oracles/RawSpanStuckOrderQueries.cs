using System.Text.Json;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard.Oracles;

/// <summary>
/// The test oracle for the state kept at ingest: the stuck report as it was computed from raw spans at query time
/// before <see cref="StuckOrderQueries"/> read the state. Finds, from stored spans alone, orders past their status's threshold, confirmed messages no consumer processed,
/// dead-lettered messages, and failed steps of orders. Every entry carries an order id, so it links to a journey
/// and support users see no telemetry that is not an order's. Each part is one indexed query over the look-back window.
/// </summary>
public sealed class RawSpanStuckOrderQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options, TimeProvider time)
{
    public const int MaxRows = StuckOrderQueries.MaxRows;

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

        var lost = (await LostMessagesAsync(connection, since, UnixNano.FromDateTimeOffset(now - settings.LostMessageAfter), cancellationToken))
            .Select(span => LostMessage.FromProducer(span, settings, now))
            .ToList();
        var deadLettered = (await DeadLetteredAsync(connection, since, cancellationToken)).Select(span => ToDeadLettered(span, settings)).ToList();
        var failedSpans = await FailuresAsync(connection, since, cancellationToken);
        var latestStatusAt = await LatestStatusTimesAsync(
            connection, since, failedSpans.Select(span => span.Attribute(HopClassification.OrderIdAttribute)).OfType<string>().Distinct().ToArray(), cancellationToken);
        var failures = failedSpans
            .Select(span => ToFailedStep(span, latestStatusAt))
            .OrderBy(failure => failure.Resolved)
            .ThenByDescending(failure => failure.At)
            .ToList();

        var (candidates, counts) = await StuckCandidatesAsync(connection, since, now, settings, cancellationToken);
        var stuck = candidates
            .Select(span => StuckOrderCandidate(span, settings, now))
            .OfType<(OrderSpan Span, StatusStage Stage, TimeSpan Waiting)>()
            .OrderByDescending(candidate => candidate.Waiting / candidate.Stage.Threshold!.Value)
            .ToList();
        var activity = await LastActivitiesAsync(connection, stuck.Select(c => c.Span.Attribute(HopClassification.OrderIdAttribute)!).ToArray(), cancellationToken);
        var stuckOrders = stuck.Select(candidate =>
            {
                var orderId = candidate.Span.Attribute(HopClassification.OrderIdAttribute)!;
                var waitingOn = lost.Where(m => m.OrderId == orderId).MaxBy(m => m.PublishedAt);
                return new StuckOrder(
                    orderId,
                    candidate.Stage.Name,
                    OrderSpanReader.End(candidate.Span),
                    candidate.Waiting.TotalMilliseconds,
                    candidate.Stage.Threshold!.Value.TotalMilliseconds,
                    candidate.Stage.Service,
                    candidate.Stage.Stage,
                    waitingOn?.Queue ?? candidate.Stage.Queue,
                    waitingOn,
                    activity.GetValueOrDefault(orderId),
                    candidate.Span.TraceId);
            })
            .ToList();

        return new StuckOrdersReport(now, now - settings.LookBack, settings.LostMessageAfter.TotalMilliseconds, stuckOrders, lost, deadLettered, failures)
        {
            StuckCounts = counts,
        };
    }

    private static (OrderSpan Span, StatusStage Stage, TimeSpan Waiting)? StuckOrderCandidate(OrderSpan span, OrderTrackingOptions settings, DateTimeOffset now)
    {
        var status = span.Attribute(HopClassification.StatusToAttribute);
        var stage = settings.Find(status) ?? new StatusStage { Name = status ?? "?", Service = span.ServiceName, Stage = "Unknown status" };
        var waiting = now - OrderSpanReader.End(span);
        return stage.Threshold is { } threshold && waiting > threshold ? (span, stage, waiting) : null;
    }

    /// <summary>
    /// The newest status change of each order in the window, where it is older than its status's threshold: the
    /// <see cref="MaxRows"/> most overdue, relative to their thresholds. Only those rows are read whole; with
    /// thousands of orders in the window, reading every order's latest span cost more than finding it.
    /// </summary>
    private static async Task<(List<OrderSpan> Spans, List<StuckStatusCount> Counts)> StuckCandidatesAsync(
        NpgsqlConnection connection, long since, DateTimeOffset now, OrderTrackingOptions settings, CancellationToken cancellationToken)
    {
        var thresholds = settings.Statuses.Where(status => status.Threshold is not null).ToList();
        await using var command = new NpgsqlCommand(
            $"""
            WITH thresholds AS (SELECT * FROM unnest(@statuses::text[], @thresholds::bigint[]) AS t(status, threshold)),
            latest AS (
                SELECT DISTINCT ON (s.attributes->>'order.id') s.trace_id, s.span_id, s.attributes->>'order.status.to' AS status, s.end_time_unix_nano
                FROM spans s
                WHERE s.attributes ? 'order.status.to' AND s.attributes ? 'order.id' AND s.status_code <> 2 AND s.end_time_unix_nano >= @since
                ORDER BY s.attributes->>'order.id', s.end_time_unix_nano DESC),
            overdue_all AS (
                SELECT l.trace_id, l.span_id, t.status, @now - l.end_time_unix_nano AS waiting, (@now - l.end_time_unix_nano)::float8 / t.threshold AS ratio
                FROM latest l
                JOIN thresholds t ON lower(t.status) = lower(l.status)
                WHERE @now - l.end_time_unix_nano > t.threshold),
            counts AS (
                SELECT coalesce(json_agg(json_build_array(status, n, longest)), '[]')::text AS counts
                FROM (SELECT status, count(*) AS n, max(waiting) AS longest FROM overdue_all GROUP BY status) per_status),
            overdue AS (SELECT trace_id, span_id, ratio FROM overdue_all ORDER BY ratio DESC LIMIT {MaxRows})
            SELECT (SELECT counts FROM counts), {OrderSpanReader.Columns("s")}
            FROM overdue o
            JOIN spans s ON s.trace_id = o.trace_id AND s.span_id = o.span_id
            ORDER BY o.ratio DESC
            """,
            connection);
        command.Parameters.AddWithValue("statuses", thresholds.Select(status => status.Name).ToArray());
        command.Parameters.AddWithValue("thresholds", thresholds.Select(status => status.Threshold!.Value.Ticks * 100).ToArray());
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("now", UnixNano.FromDateTimeOffset(now));
        var spans = new List<OrderSpan>();
        var counts = new List<StuckStatusCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (spans.Count == 0)
            {
                counts = ReadCounts(reader.GetString(0));
            }

            spans.Add(OrderSpanReader.Read(reader, offset: 1));
        }

        return (spans, counts);
    }

    private static List<StuckStatusCount> ReadCounts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(row => new StuckStatusCount(row[0].GetString()!, row[1].GetInt64(), row[2].GetInt64() / 1e6))];
    }

    /// <summary>When each of <paramref name="orderIds"/> last entered a status in the window (unix nanoseconds).</summary>
    private static async Task<Dictionary<string, long>> LatestStatusTimesAsync(NpgsqlConnection connection, long since, string[] orderIds, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        if (orderIds.Length == 0)
        {
            return latest;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT s.attributes->>'order.id', max(s.end_time_unix_nano)
            FROM spans s
            WHERE s.attributes ? 'order.status.to' AND s.status_code <> 2 AND s.end_time_unix_nano >= @since
              AND s.attributes->>'order.id' = ANY(@ids)
            GROUP BY 1
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("ids", orderIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latest[reader.GetString(0)] = reader.GetInt64(1);
        }

        return latest;
    }

    private static async Task<List<OrderSpan>> LostMessagesAsync(NpgsqlConnection connection, long since, long publishedBefore, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("p")}
            FROM spans p
            WHERE p.attributes ? 'messaging.message.id' AND p.kind = 4 AND p.attributes ? 'order.id'
              AND p.end_time_unix_nano >= @since AND p.end_time_unix_nano < @publishedBefore
              AND p.attributes->>'messaging.rabbitmq.confirmed' = 'true'
              AND NOT EXISTS (
                  SELECT 1 FROM spans c
                  WHERE c.attributes ? 'messaging.message.id' AND c.kind = 5
                    AND c.attributes->>'messaging.message.id' = p.attributes->>'messaging.message.id')
            ORDER BY p.end_time_unix_nano
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("publishedBefore", publishedBefore);
        return await OrderSpanReader.ReadAllAsync(command, cancellationToken);
    }

    private static async Task<List<OrderSpan>> DeadLetteredAsync(NpgsqlConnection connection, long since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("s")}
            FROM spans s
            WHERE s.attributes @> '{"{"}"messaging.rabbitmq.dead_lettered": true{"}"}' AND s.attributes ? 'order.id'
              AND s.end_time_unix_nano >= @since
            ORDER BY s.end_time_unix_nano DESC
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        return await OrderSpanReader.ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// Failed spans of orders where a step starts or ends: status changes, requests served, messages sent or processed.
    /// Dead-lettered messages are listed on their own; the client and database spans under a failed step are its detail.
    /// </summary>
    private static async Task<List<OrderSpan>> FailuresAsync(NpgsqlConnection connection, long since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("s")}
            FROM spans s
            WHERE s.status_code = 2 AND s.end_time_unix_nano >= @since
              AND s.attributes ? 'order.id'
              AND (s.attributes ? 'order.status.to' OR s.kind IN (2, 4, 5))
              AND NOT s.attributes @> '{"{"}"messaging.rabbitmq.dead_lettered": true{"}"}'
            ORDER BY s.end_time_unix_nano DESC
            LIMIT {MaxRows}
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        return await OrderSpanReader.ReadAllAsync(command, cancellationToken);
    }

    private static async Task<Dictionary<string, LastActivity>> LastActivitiesAsync(NpgsqlConnection connection, string[] orderIds, CancellationToken cancellationToken)
    {
        var activities = new Dictionary<string, LastActivity>(StringComparer.Ordinal);
        if (orderIds.Length == 0)
        {
            return activities;
        }

        await using var command = new NpgsqlCommand(
            $"""
            SELECT o.id, {OrderSpanReader.Columns("l")}
            FROM unnest(@ids::text[]) AS o(id)
            CROSS JOIN LATERAL (
                SELECT * FROM spans s
                WHERE s.attributes @> jsonb_build_object('order.id', o.id)
                ORDER BY s.end_time_unix_nano DESC
                LIMIT 1) l
            """,
            connection);
        command.Parameters.AddWithValue("ids", orderIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var span = OrderSpanReader.Read(reader, offset: 1);
            activities[reader.GetString(0)] = new LastActivity(
                OrderSpanReader.End(span),
                span.ServiceName,
                span.Name,
                span.StatusCode == SpanStatusCode.Error ? OrderJourneyBuilder.Reason(span) : null,
                span.TraceId,
                span.SpanId);
        }

        return activities;
    }

    private static DeadLetteredMessage ToDeadLettered(OrderSpan span, OrderTrackingOptions settings) => new(
        span.Attribute(HopClassification.OrderIdAttribute),
        span.Attribute("messaging.message.id"),
        HopDetail.QueueOf(span, settings),
        span.Attribute("messaging.rabbitmq.destination.routing_key"),
        span.Attribute("messaging.rabbitmq.dead_letter.reason") ?? OrderJourneyBuilder.Reason(span),
        OrderSpanReader.End(span),
        span.ServiceName,
        span.TraceId,
        span.SpanId);

    private static FailedStep ToFailedStep(OrderSpan span, Dictionary<string, long> latestStatusAt)
    {
        var orderId = span.Attribute(HopClassification.OrderIdAttribute);
        var resolved = orderId is not null && latestStatusAt.TryGetValue(orderId, out var enteredAt) && enteredAt > span.EndTimeUnixNano;
        return new FailedStep(orderId, HopClassification.Classify(span.Attributes), span.ServiceName, span.Name, OrderJourneyBuilder.Reason(span), span.Attribute("error.type"), OrderSpanReader.End(span), resolved, span.TraceId, span.SpanId);
    }
}

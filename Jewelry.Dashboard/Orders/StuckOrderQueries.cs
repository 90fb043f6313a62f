using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Orders;

/// <summary>
/// Finds, from stored spans alone, orders past their status's threshold, confirmed messages no consumer processed,
/// dead-lettered messages, and failed steps of orders. Each part is one indexed query over the look-back window.
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

        var latest = await LatestStatusesAsync(connection, since, cancellationToken);
        var lost = (await LostMessagesAsync(connection, since, UnixNano.FromDateTimeOffset(now - settings.LostMessageAfter), cancellationToken))
            .Select(span => LostMessage.FromProducer(span, settings, now))
            .ToList();
        var deadLettered = (await DeadLetteredAsync(connection, since, cancellationToken)).Select(span => ToDeadLettered(span, settings)).ToList();
        var failures = (await FailuresAsync(connection, since, cancellationToken))
            .Select(span => ToFailedStep(span, latest))
            .OrderBy(failure => failure.Resolved)
            .ThenByDescending(failure => failure.At)
            .ToList();

        var stuck = latest.Values
            .Select(span => StuckOrderCandidate(span, settings, now))
            .OfType<(OrderSpan Span, StatusStage Stage, TimeSpan Waiting)>()
            .OrderByDescending(candidate => candidate.Waiting / candidate.Stage.Threshold!.Value)
            .Take(MaxRows)
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

        return new StuckOrdersReport(now, now - settings.LookBack, settings.LostMessageAfter.TotalMilliseconds, stuckOrders, lost, deadLettered, failures);
    }

    private static (OrderSpan Span, StatusStage Stage, TimeSpan Waiting)? StuckOrderCandidate(OrderSpan span, OrderTrackingOptions settings, DateTimeOffset now)
    {
        var status = span.Attribute(HopClassification.StatusToAttribute);
        var stage = settings.Find(status) ?? new StatusStage { Name = status ?? "?", Service = span.ServiceName, Stage = "Unknown status" };
        var waiting = now - OrderSpanReader.End(span);
        return stage.Threshold is { } threshold && waiting > threshold ? (span, stage, waiting) : null;
    }

    /// <summary>Each order's newest status change in the window, keyed by order id.</summary>
    private static async Task<Dictionary<string, OrderSpan>> LatestStatusesAsync(NpgsqlConnection connection, long since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT DISTINCT ON (s.attributes->>'order.id') {OrderSpanReader.Columns("s")}
            FROM spans s
            WHERE s.attributes ? 'order.status.to' AND s.status_code <> 2 AND s.end_time_unix_nano >= @since
            ORDER BY s.attributes->>'order.id', s.end_time_unix_nano DESC
            """,
            connection);
        command.Parameters.AddWithValue("since", since);
        return (await OrderSpanReader.ReadAllAsync(command, cancellationToken))
            .Where(span => span.Attribute(HopClassification.OrderIdAttribute) is not null)
            .ToDictionary(span => span.Attribute(HopClassification.OrderIdAttribute)!, StringComparer.Ordinal);
    }

    private static async Task<List<OrderSpan>> LostMessagesAsync(NpgsqlConnection connection, long since, long publishedBefore, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("p")}
            FROM spans p
            WHERE p.attributes ? 'messaging.message.id' AND p.kind = 4
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
            WHERE s.attributes @> '{"{"}"messaging.rabbitmq.dead_lettered": true{"}"}' AND s.end_time_unix_nano >= @since
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

    private static FailedStep ToFailedStep(OrderSpan span, Dictionary<string, OrderSpan> latest)
    {
        var orderId = span.Attribute(HopClassification.OrderIdAttribute);
        var resolved = orderId is not null && latest.TryGetValue(orderId, out var status) && status.EndTimeUnixNano > span.EndTimeUnixNano;
        return new FailedStep(orderId, HopClassification.Classify(span.Attributes), span.ServiceName, span.Name, OrderJourneyBuilder.Reason(span), OrderSpanReader.End(span), resolved, span.TraceId, span.SpanId);
    }
}

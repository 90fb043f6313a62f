using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Tests.Dashboard.Oracles;

/// <summary>
/// The test oracle for the rollups kept at ingest: stage statistics as they were computed from raw spans at query time.
/// Per status and per hop: count, p50/p95/p99 duration, error rate and the slowest orders, aggregated in
/// PostgreSQL over the spans of a window. Durations are nanoseconds in SQL and milliseconds here.
/// </summary>
public sealed class RawSpanStageStatisticsQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options)
{
    public const int MaxHops = StageStatisticsQueries.MaxHops;
    public const int SlowestPerStage = StageStatisticsQueries.SlowestPerStage;

    // Both WHERE clauses repeat the predicates of the partial indexes spans_transitions_by_time and
    // spans_order_hops word for word: PostgreSQL only uses a partial index when the query implies its predicate.
    private const string StatusSql = $"""
        WITH transitions AS MATERIALIZED (
            SELECT coalesce(s.attributes ->> '{HopClassification.StatusToAttribute}', '') AS status,
                   s.attributes ->> '{HopClassification.OrderIdAttribute}' AS order_id,
                   s.end_time_unix_nano AS entered,
                   s.status_code = 2 AS failed,
                   s.trace_id,
                   s.span_id
            FROM spans s
            WHERE s.attributes ? 'order.status.to'
        ),
        in_window AS (
            SELECT * FROM transitions t WHERE t.entered >= @from AND t.entered <= @to
        ),
        -- A stay that began in the window is measured once the order left the status, in the window or after it.
        stays AS (
            SELECT * FROM (
                SELECT t.status, t.order_id, t.trace_id, t.span_id, t.entered,
                       lead(t.entered) OVER (PARTITION BY t.order_id ORDER BY t.entered, t.span_id) - t.entered AS duration
                FROM transitions t
                WHERE NOT t.failed AND t.order_id IS NOT NULL) every_stay
            WHERE entered >= @from AND entered <= @to
        ),
        ranked AS (
            SELECT st.*, row_number() OVER (PARTITION BY st.status ORDER BY st.duration DESC NULLS LAST, st.trace_id, st.span_id) AS rank
            FROM stays st
        ),
        measured AS (
            SELECT r.status,
                   count(r.duration) AS completed,
                   count(*) - count(r.duration) AS in_progress,
                   percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY r.duration) AS percentiles,
                   max(r.duration) AS longest,
                   array_agg(r.order_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest AND r.duration IS NOT NULL) AS slow_orders,
                   array_agg(r.duration ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest AND r.duration IS NOT NULL) AS slow_durations,
                   array_agg(r.trace_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest AND r.duration IS NOT NULL) AS slow_traces,
                   array_agg(r.span_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest AND r.duration IS NOT NULL) AS slow_spans
            FROM ranked r
            GROUP BY r.status
        ),
        counted AS (
            SELECT t.status, count(*) AS transitions, count(*) FILTER (WHERE t.failed) AS failed
            FROM in_window t
            GROUP BY t.status
        )
        SELECT c.status, c.transitions, c.failed, coalesce(m.completed, 0), coalesce(m.in_progress, 0), m.percentiles, m.longest,
               m.slow_orders, m.slow_durations, m.slow_traces, m.slow_spans
        FROM counted c
        LEFT JOIN measured m ON m.status = c.status
        """;

    private static readonly string s_hopSql = $"""
        WITH hops AS (
            SELECT {HopClassification.SqlExpression("s")} AS kind,
                   s.service_name,
                   s.name,
                   s.end_time_unix_nano - s.start_time_unix_nano AS duration,
                   s.status_code = 2 AS failed,
                   s.attributes ->> '{HopClassification.OrderIdAttribute}' AS order_id,
                   s.trace_id,
                   s.span_id
            FROM spans s
            WHERE s.attributes ? 'order.id' AND NOT (s.attributes ? 'order.status.to')
              AND s.end_time_unix_nano >= @from AND s.end_time_unix_nano <= @to
        ),
        ranked AS (
            SELECT h.*, row_number() OVER (PARTITION BY h.kind, h.service_name, h.name ORDER BY h.duration DESC, h.trace_id, h.span_id) AS rank
            FROM hops h
        )
        SELECT r.kind, r.service_name, r.name, count(*), count(*) FILTER (WHERE r.failed),
               percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY r.duration),
               max(r.duration),
               sum(r.duration)::double precision,
               array_agg(r.order_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest),
               array_agg(r.duration ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest),
               array_agg(r.trace_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest),
               array_agg(r.span_id ORDER BY r.rank) FILTER (WHERE r.rank <= @slowest)
        FROM ranked r
        GROUP BY r.kind, r.service_name, r.name
        ORDER BY sum(r.duration) DESC, r.kind, r.service_name, r.name
        LIMIT @limit
        """;

    public async Task<StageStatisticsReport> GetAsync(StageWindow window, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statuses = await GetStatusesAsync(connection, window, cancellationToken);
        var hops = await GetHopsAsync(connection, window, cancellationToken);
        return new StageStatisticsReport(window, statuses, hops.Take(MaxHops).ToList(), hops.Count > MaxHops);
    }

    private async Task<IReadOnlyList<StatusStatistics>> GetStatusesAsync(NpgsqlConnection connection, StageWindow window, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(StatusSql, connection, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lifecycle = options.Value;
        var rows = new List<StatusStatistics>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(0);
            var transitions = reader.GetInt64(1);
            var failed = reader.GetInt64(2);
            var percentiles = reader.IsDBNull(5) ? null : reader.GetFieldValue<double[]>(5);
            rows.Add(new StatusStatistics(
                status,
                lifecycle.Find(status)?.Stage,
                transitions,
                failed,
                transitions == 0 ? 0 : (double)failed / transitions,
                reader.GetInt64(3),
                reader.GetInt64(4),
                Milliseconds(percentiles?[0]),
                Milliseconds(percentiles?[1]),
                Milliseconds(percentiles?[2]),
                reader.IsDBNull(6) ? null : Milliseconds(reader.GetInt64(6)),
                ReadSlowest(reader, 7)));
        }

        return rows
            .OrderBy(r => lifecycle.IndexOf(r.Status))
            .ThenBy(r => r.Status, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<HopStatistics>> GetHopsAsync(NpgsqlConnection connection, StageWindow window, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(s_hopSql, connection, window);
        command.Parameters.AddWithValue("limit", MaxHops + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<HopStatistics>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = reader.GetInt64(3);
            var errors = reader.GetInt64(4);
            var percentiles = reader.GetFieldValue<double[]>(5);
            rows.Add(new HopStatistics(
                HopClassification.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                count,
                errors,
                (double)errors / count,
                Milliseconds(percentiles[0]),
                Milliseconds(percentiles[1]),
                Milliseconds(percentiles[2]),
                Milliseconds(reader.GetInt64(6)),
                Milliseconds(reader.GetDouble(7)),
                ReadSlowest(reader, 8)));
        }

        return rows;
    }

    private static NpgsqlCommand CreateCommand(string sql, NpgsqlConnection connection, StageWindow window)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", UnixNano.FromDateTimeOffset(window.From));
        command.Parameters.AddWithValue("to", UnixNano.FromDateTimeOffset(window.To));
        command.Parameters.AddWithValue("slowest", (long)SlowestPerStage);
        return command;
    }

    /// <summary>Four parallel arrays from <paramref name="first"/> on: order ids, durations, trace ids, span ids.</summary>
    private static List<SlowOrder> ReadSlowest(NpgsqlDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
        {
            return [];
        }

        var orders = reader.GetFieldValue<string?[]>(first);
        var durations = reader.GetFieldValue<long[]>(first + 1);
        var traces = reader.GetFieldValue<byte[][]>(first + 2);
        var spans = reader.GetFieldValue<byte[][]>(first + 3);
        return orders
            .Select((order, i) => new SlowOrder(order ?? string.Empty, Milliseconds(durations[i]), Convert.ToHexStringLower(traces[i]), Convert.ToHexStringLower(spans[i])))
            .ToList();
    }

    private static double Milliseconds(double nanoseconds) => nanoseconds / 1_000_000.0;

    private static double? Milliseconds(double? nanoseconds) => nanoseconds / 1_000_000.0;
}

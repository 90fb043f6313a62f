using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Per status and per hop: count, p50/p95/p99 duration, error rate and the slowest orders over a window, from what is
/// kept at ingest, not raw spans: statuses from the status changes (exact percentiles), hops from the rollups
/// (percentiles within <see cref="LatencyHistogram.RelativeError"/>). Durations are nanoseconds in SQL and milliseconds here.
/// </summary>
public sealed class StageStatisticsQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options, TimeProvider time)
{
    public const int MaxHops = 100;
    public const int SlowestPerStage = 5;

    // Stays come from the status changes kept at ingest, each with when the order left the status (left_at): a stay
    // is measured when the order left it by the window's end, else it is in progress.
    private const string StatusSql = """
        WITH transitions AS MATERIALIZED (
            SELECT status, order_id, entered_at, failed, trace_id, span_id,
                   CASE WHEN NOT failed AND left_at <= @to THEN left_at - entered_at END AS duration
            FROM order_transitions
            WHERE entered_at >= @from AND entered_at <= @to
        ),
        ranked AS (
            SELECT t.*, row_number() OVER (PARTITION BY t.status ORDER BY t.duration DESC NULLS LAST, t.trace_id, t.span_id) AS rank
            FROM transitions t
            WHERE NOT t.failed
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
            FROM transitions t
            GROUP BY t.status
        )
        SELECT c.status, c.transitions, c.failed, coalesce(m.completed, 0), coalesce(m.in_progress, 0), m.percentiles, m.longest,
               m.slow_orders, m.slow_durations, m.slow_traces, m.slow_spans
        FROM counted c
        LEFT JOIN measured m ON m.status = c.status
        """;

    private const string HopSql = """
        SELECT r.kind, r.service_name, r.name, r.count, r.errors, r.total_ns, r.max_ns, r.latency_buckets, r.latency_counts,
               r.slow_orders, r.slow_durations, r.slow_traces, r.slow_spans
        FROM unnest(@tiers::smallint[], @starts::bigint[], @ends::bigint[]) AS q(tier, first_start, end_start)
        JOIN hop_rollups r ON r.tier = q.tier AND r.bucket_start >= q.first_start AND r.bucket_start < q.end_start
        """;

    public async Task<StageStatisticsReport> GetAsync(StageWindow window, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statuses = await GetStatusesAsync(connection, window, cancellationToken);
        var (hops, hopWindow) = await GetHopsAsync(connection, window, cancellationToken);
        return new StageStatisticsReport(window, statuses, hops.Take(MaxHops).ToList(), hops.Count > MaxHops) { HopWindow = hopWindow };
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

    /// <summary>
    /// Hops from the rollups: the window widened to whole minutes (whole hours where minute rollups are no longer kept),
    /// read from as few buckets as cover it, merged per hop.
    /// </summary>
    private async Task<(List<HopStatistics> Hops, StageWindow Window)> GetHopsAsync(NpgsqlConnection connection, StageWindow window, CancellationToken cancellationToken)
    {
        var minuteHorizon = UnixNano.FromDateTimeOffset(time.GetUtcNow() - RollupTiers.MinuteTierKeptFor);
        var from = UnixNano.FromDateTimeOffset(window.From);
        var to = UnixNano.FromDateTimeOffset(window.To);
        var fromAlignment = from < minuteHorizon ? RollupTiers.HourNanoseconds : RollupTiers.MinuteNanoseconds;
        var toAlignment = to < minuteHorizon ? RollupTiers.HourNanoseconds : RollupTiers.MinuteNanoseconds;
        var coveredFrom = RollupTiers.Floor(from, fromAlignment);
        var coveredTo = RollupTiers.Floor(to, toAlignment) + toAlignment;
        var ranges = RollupTiers.Cover(coveredFrom, coveredTo);

        await using var command = new NpgsqlCommand(HopSql, connection);
        command.Parameters.AddWithValue("tiers", ranges.Select(r => (short)r.Tier).ToArray());
        command.Parameters.AddWithValue("starts", ranges.Select(r => r.From).ToArray());
        command.Parameters.AddWithValue("ends", ranges.Select(r => r.To).ToArray());
        var merged = new Dictionary<(string Kind, string Service, string Name), HopRollup>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (!merged.TryGetValue(key, out var rollup))
                {
                    merged[key] = rollup = new HopRollup();
                }

                rollup.Add(
                    reader.GetInt64(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6),
                    reader.GetFieldValue<short[]>(7),
                    reader.GetFieldValue<long[]>(8),
                    ReadSlowest(reader, 9));
            }
        }

        var hops = merged
            .Select(pair => pair.Value.ToStatistics(HopClassification.Parse(pair.Key.Kind), pair.Key.Service, pair.Key.Name, SlowestPerStage))
            .OrderByDescending(hop => hop.TotalMs)
            .ThenBy(hop => hop.Kind.ToString(), StringComparer.OrdinalIgnoreCase)
            .ThenBy(hop => hop.Service, StringComparer.Ordinal)
            .ThenBy(hop => hop.Name, StringComparer.Ordinal)
            .Take(MaxHops + 1)
            .ToList();
        return (hops, new StageWindow(UnixNano.ToDateTimeOffset(coveredFrom), UnixNano.ToDateTimeOffset(coveredTo)));
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

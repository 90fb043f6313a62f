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

    private const string StatusSql = """
        SELECT r.status, r.transitions, r.failed, r.completed, r.latency_buckets, r.latency_counts
        FROM unnest(@tiers::smallint[], @starts::bigint[], @ends::bigint[]) AS q(tier, first_start, end_start)
        JOIN status_rollups r ON r.tier = q.tier AND r.bucket_start >= q.first_start AND r.bucket_start < q.end_start
        """;

    // Read in the order of the index order_transitions_slowest, whose predicate it repeats word for word.
    private const string SlowestStaysSql = """
        SELECT s.status, x.order_id, x.duration, x.trace_id, x.span_id
        FROM unnest(@statuses::text[]) AS s(status)
        CROSS JOIN LATERAL (
            SELECT t.order_id, t.left_at - t.entered_at AS duration, t.trace_id, t.span_id
            FROM order_transitions t
            WHERE t.status = s.status AND NOT failed AND left_at IS NOT NULL
              AND t.entered_at >= @from AND t.entered_at < @to
            ORDER BY t.left_at - t.entered_at DESC, t.trace_id, t.span_id
            LIMIT @slowest) x
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

        var covered = Cover(window);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statuses = await GetStatusesAsync(connection, covered, cancellationToken);
        var hops = await GetHopsAsync(connection, covered, cancellationToken);
        return new StageStatisticsReport(window, statuses, hops.Take(MaxHops).ToList(), hops.Count > MaxHops) { CountedWindow = covered.Window };
    }

    /// <summary>
    /// The window widened to whole minutes (whole hours where minute rollups are no longer kept), and the fewest
    /// rollup buckets that cover it; a window ending on a bucket's start ends there.
    /// </summary>
    private CoveredWindow Cover(StageWindow window)
    {
        var minuteHorizon = UnixNano.FromDateTimeOffset(time.GetUtcNow() - RollupTiers.MinuteTierKeptFor);
        var from = UnixNano.FromDateTimeOffset(window.From);
        var to = UnixNano.FromDateTimeOffset(window.To);
        var fromAlignment = from < minuteHorizon ? RollupTiers.HourNanoseconds : RollupTiers.MinuteNanoseconds;
        var toAlignment = to < minuteHorizon ? RollupTiers.HourNanoseconds : RollupTiers.MinuteNanoseconds;
        var coveredFrom = RollupTiers.Floor(from, fromAlignment);
        var coveredTo = RollupTiers.Floor(to + toAlignment - 1, toAlignment);
        return new CoveredWindow(coveredFrom, coveredTo, RollupTiers.Cover(coveredFrom, coveredTo));
    }

    private async Task<IReadOnlyList<StatusStatistics>> GetStatusesAsync(NpgsqlConnection connection, CoveredWindow covered, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, StatusRollup>(StringComparer.Ordinal);
        await using (var command = CreateRollupCommand(StatusSql, connection, covered))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(0);
                if (!merged.TryGetValue(status, out var rollup))
                {
                    merged[status] = rollup = new StatusRollup();
                }

                rollup.Add(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<short[]>(4), reader.GetFieldValue<long[]>(5));
            }
        }

        var slowest = await GetSlowestStaysAsync(connection, covered, merged.Keys, cancellationToken);
        var lifecycle = options.Value;
        return merged
            .Select(pair => pair.Value.ToStatistics(pair.Key, lifecycle.Find(pair.Key)?.Stage, slowest.GetValueOrDefault(pair.Key) ?? []))
            .OrderBy(r => lifecycle.IndexOf(r.Status))
            .ThenBy(r => r.Status, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<Dictionary<string, List<SlowOrder>>> GetSlowestStaysAsync(
        NpgsqlConnection connection, CoveredWindow covered, IEnumerable<string> statuses, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SlowestStaysSql, connection);
        command.Parameters.AddWithValue("statuses", statuses.ToArray());
        command.Parameters.AddWithValue("from", covered.From);
        command.Parameters.AddWithValue("to", covered.To);
        command.Parameters.AddWithValue("slowest", (long)SlowestPerStage);
        var slowest = new Dictionary<string, List<SlowOrder>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(0);
            if (!slowest.TryGetValue(status, out var stays))
            {
                slowest[status] = stays = [];
            }

            stays.Add(new SlowOrder(
                reader.GetString(1), Milliseconds(reader.GetInt64(2)), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(3)), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(4))));
        }

        return slowest;
    }

    private static async Task<List<HopStatistics>> GetHopsAsync(NpgsqlConnection connection, CoveredWindow covered, CancellationToken cancellationToken)
    {
        await using var command = CreateRollupCommand(HopSql, connection, covered);
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

        return merged
            .Select(pair => pair.Value.ToStatistics(HopClassification.Parse(pair.Key.Kind), pair.Key.Service, pair.Key.Name, SlowestPerStage))
            .OrderByDescending(hop => hop.TotalMs)
            .ThenBy(hop => hop.Kind.ToString(), StringComparer.OrdinalIgnoreCase)
            .ThenBy(hop => hop.Service, StringComparer.Ordinal)
            .ThenBy(hop => hop.Name, StringComparer.Ordinal)
            .Take(MaxHops + 1)
            .ToList();
    }

    private static NpgsqlCommand CreateRollupCommand(string sql, NpgsqlConnection connection, CoveredWindow covered)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tiers", covered.Ranges.Select(r => (short)r.Tier).ToArray());
        command.Parameters.AddWithValue("starts", covered.Ranges.Select(r => r.From).ToArray());
        command.Parameters.AddWithValue("ends", covered.Ranges.Select(r => r.To).ToArray());
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
}

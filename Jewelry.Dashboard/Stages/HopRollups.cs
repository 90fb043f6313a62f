using Jewelry.Dashboard.Orders.State;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Adds the hops among a batch's new spans to <c>hop_rollups</c>: a hop is a span with an order id that is not a
/// status change, bucketed by when it ended in every <see cref="RollupTier"/>. The batch is summed here, one row per
/// hop and bucket, and merged into the stored rows in one statement.
/// </summary>
public static class HopRollups
{
    public const int SlowestPerBucket = StageStatisticsQueries.SlowestPerStage;

    private const string Columns =
        "tier, bucket_start, kind, service_name, name, count, errors, total_ns, max_ns, latency_buckets, latency_counts, " +
        "slow_orders, slow_durations, slow_traces, slow_spans";

    private static readonly string s_mergeSql = $"""
        INSERT INTO hop_rollups AS r ({Columns})
        SELECT {Columns} FROM incoming_hop_rollups
        ON CONFLICT (tier, bucket_start, kind, service_name, name) DO UPDATE SET
            count = r.count + excluded.count,
            errors = r.errors + excluded.errors,
            total_ns = r.total_ns + excluded.total_ns,
            max_ns = greatest(r.max_ns, excluded.max_ns),
            (latency_buckets, latency_counts) = (
                SELECT array_agg(b ORDER BY b), array_agg(n ORDER BY b)
                FROM (SELECT b, sum(n)::bigint AS n
                      FROM (SELECT * FROM unnest(r.latency_buckets, r.latency_counts) AS old(b, n)
                            UNION ALL
                            SELECT * FROM unnest(excluded.latency_buckets, excluded.latency_counts) AS new(b, n)) both_sides
                      GROUP BY b) merged),
            (slow_orders, slow_durations, slow_traces, slow_spans) = (
                SELECT array_agg(o ORDER BY d DESC, tr, sp), array_agg(d ORDER BY d DESC, tr, sp),
                       array_agg(tr ORDER BY d DESC, tr, sp), array_agg(sp ORDER BY d DESC, tr, sp)
                FROM (SELECT * FROM unnest(r.slow_orders, r.slow_durations, r.slow_traces, r.slow_spans) AS old(o, d, tr, sp)
                      UNION ALL
                      SELECT * FROM unnest(excluded.slow_orders, excluded.slow_durations, excluded.slow_traces, excluded.slow_spans) AS new(o, d, tr, sp)
                      ORDER BY d DESC, tr, sp
                      LIMIT {SlowestPerBucket}) slowest)
        """;

    /// <summary>
    /// Adds <paramref name="newSpans"/>' hops; minute buckets only for hops that ended after <paramref name="minuteHorizon"/>,
    /// as older ones would be removed at once (<see cref="RollupTiers.MinuteTierKeptFor"/>) and queries read hours there.
    /// </summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<OrderSpanFacts> newSpans, long minuteHorizon, CancellationToken cancellationToken)
    {
        var rows = Sum(newSpans, minuteHorizon);
        if (rows.Count == 0)
        {
            return;
        }

        await RollupMerge.ApplyAsync(connection, transaction, "hop_rollups", Columns, rows, WriteRow, s_mergeSql, cancellationToken);
    }

    private static void WriteRow(NpgsqlBinaryImporter importer, HopRollupRow row)
    {
        importer.Write((short)row.Tier, NpgsqlDbType.Smallint);
        importer.Write(row.BucketStart, NpgsqlDbType.Bigint);
        importer.Write(row.Kind, NpgsqlDbType.Text);
        importer.Write(row.Service, NpgsqlDbType.Text);
        importer.Write(row.Name, NpgsqlDbType.Text);
        importer.Write(row.Count, NpgsqlDbType.Bigint);
        importer.Write(row.Errors, NpgsqlDbType.Bigint);
        importer.Write(row.TotalNanoseconds, NpgsqlDbType.Bigint);
        importer.Write(row.MaxNanoseconds, NpgsqlDbType.Bigint);
        importer.Write(row.LatencyBuckets, NpgsqlDbType.Array | NpgsqlDbType.Smallint);
        importer.Write(row.LatencyCounts, NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        importer.Write(row.Slowest.Select(hop => hop.OrderId!).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(row.Slowest.Select(HopRollupRow.Duration).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        importer.Write(row.Slowest.Select(hop => hop.Span.TraceId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        importer.Write(row.Slowest.Select(hop => hop.Span.SpanId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
    }

    private static List<HopRollupRow> Sum(IEnumerable<OrderSpanFacts> spans, long minuteHorizon)
    {
        var rows = new Dictionary<(RollupTier, long, string, string, string), HopRollupRow>();
        foreach (var hop in spans.Where(span => span.OrderId is not null && span.StatusTo is null))
        {
            var kind = hop.HopKind.ToString().ToLowerInvariant();
            foreach (var (tier, size) in RollupTiers.All.Where(t => t.Tier != RollupTier.Minute || hop.Span.EndTimeUnixNano >= minuteHorizon))
            {
                var bucket = RollupTiers.Floor(hop.Span.EndTimeUnixNano, size);
                var key = (tier, bucket, kind, hop.Span.Resource.ServiceName, hop.Span.Name);
                if (!rows.TryGetValue(key, out var row))
                {
                    rows[key] = row = new HopRollupRow(tier, bucket, kind, hop.Span.Resource.ServiceName, hop.Span.Name);
                }

                row.Add(hop);
            }
        }

        foreach (var row in rows.Values)
        {
            row.Trim();
        }

        return [.. rows.Values];
    }
}

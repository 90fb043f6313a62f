namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Adds the hops among a batch's new order spans (<c>new_order_spans</c>, Orders/State/OrderStateWriter) to
/// <c>hop_rollups</c>: a hop is a span with an order id that is not a status change, bucketed by when it ended.
/// </summary>
public static class HopRollups
{
    public const int SlowestPerBucket = StageStatisticsQueries.SlowestPerStage;

    public static readonly string ApplySql = $"""
        WITH hops AS (
            SELECT hop_kind AS kind, service_name, name, end_time_unix_nano AS ended,
                   end_time_unix_nano - start_time_unix_nano AS duration, failed, order_id, trace_id, span_id
            FROM new_order_spans
            WHERE order_id IS NOT NULL AND status_to IS NULL),
        tiered AS (
            SELECT t.tier, h.ended - h.ended % t.size AS bucket_start, h.kind, h.service_name, h.name, h.duration, h.failed, h.order_id, h.trace_id, h.span_id,
                   {LatencyHistogram.SqlBucket("h.duration")} AS latency_bucket,
                   row_number() OVER (PARTITION BY t.tier, h.ended - h.ended % t.size, h.kind, h.service_name, h.name
                                      ORDER BY h.duration DESC, h.trace_id, h.span_id) AS rank
            FROM hops h
            CROSS JOIN (VALUES {RollupTiers.SqlValues}) AS t(tier, size)),
        histograms AS (
            SELECT tier, bucket_start, kind, service_name, name,
                   array_agg(latency_bucket ORDER BY latency_bucket) AS latency_buckets, array_agg(n ORDER BY latency_bucket) AS latency_counts
            FROM (SELECT tier, bucket_start, kind, service_name, name, latency_bucket, count(*) AS n
                  FROM tiered GROUP BY tier, bucket_start, kind, service_name, name, latency_bucket) per_bucket
            GROUP BY tier, bucket_start, kind, service_name, name),
        totals AS (
            SELECT tier, bucket_start, kind, service_name, name, count(*) AS n, count(*) FILTER (WHERE failed) AS errors,
                   sum(duration)::bigint AS total_ns, max(duration) AS max_ns,
                   array_agg(order_id ORDER BY rank) FILTER (WHERE rank <= {SlowestPerBucket}) AS slow_orders,
                   array_agg(duration ORDER BY rank) FILTER (WHERE rank <= {SlowestPerBucket}) AS slow_durations,
                   array_agg(trace_id ORDER BY rank) FILTER (WHERE rank <= {SlowestPerBucket}) AS slow_traces,
                   array_agg(span_id ORDER BY rank) FILTER (WHERE rank <= {SlowestPerBucket}) AS slow_spans
            FROM tiered
            GROUP BY tier, bucket_start, kind, service_name, name)
        INSERT INTO hop_rollups AS r (tier, bucket_start, kind, service_name, name, count, errors, total_ns, max_ns,
                                      latency_buckets, latency_counts, slow_orders, slow_durations, slow_traces, slow_spans)
        SELECT t.tier, t.bucket_start, t.kind, t.service_name, t.name, t.n, t.errors, t.total_ns, t.max_ns,
               h.latency_buckets, h.latency_counts, t.slow_orders, t.slow_durations, t.slow_traces, t.slow_spans
        FROM totals t
        JOIN histograms h USING (tier, bucket_start, kind, service_name, name)
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
}

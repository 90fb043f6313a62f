using Jewelry.Contracts.Orders;
using Jewelry.CrmApi.Domain;
using Jewelry.ShopData.Data;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.CrmApi.Data;

public static class StuckOrderQueries
{
    /// <summary>
    /// Orders that have been in their status longer than its threshold, oldest first, in one query: each
    /// (status, cutoff) pair probes the (status, status_changed_at) index for rows older than the cutoff.
    /// </summary>
    public static Task<List<StuckOrderRow>> FindStuckAsync(
        this ShopDbContext db,
        StuckThresholds thresholds,
        DateTimeOffset now,
        int limit,
        CancellationToken cancellationToken)
    {
        var entries = thresholds.ByStatus.ToList();
        var statuses = entries.ConvertAll(entry => entry.Key.ToName()).ToArray();
        var cutoffs = entries.ConvertAll(entry => (now - entry.Value).ToUniversalTime()).ToArray();
        var thresholdSeconds = entries.ConvertAll(entry => (long)entry.Value.TotalSeconds).ToArray();

        return db.Database.SqlQuery<StuckOrderRow>($"""
            SELECT o.id AS "OrderId", o.status AS "Status", o.status_changed_at AS "Since",
                   o.failure_reason AS "FailureReason", t.threshold_seconds AS "ThresholdSeconds"
            FROM unnest({statuses}::text[], {cutoffs}::timestamptz[], {thresholdSeconds}::bigint[]) AS t(status, cutoff, threshold_seconds)
            JOIN orders AS o ON o.status = t.status AND o.status_changed_at < t.cutoff
            ORDER BY o.status_changed_at, o.id
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}

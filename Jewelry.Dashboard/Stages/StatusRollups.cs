using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Applies what the state writer changed in <c>order_transitions</c> (<see cref="StayChangesTable"/>: transitions added,
/// stays whose end was set or moved) to <c>status_rollups</c>, in every <see cref="RollupTier"/> by when the stay
/// began. The batch is summed here, one row per status and bucket, and merged into the stored rows in one statement.
/// </summary>
public static class StatusRollups
{
    public const string StayChangesTable = "stay_changes";

    public const string StayChangeColumns =
        "status text NOT NULL, entered_at bigint NOT NULL, failed boolean NOT NULL, inserted boolean NOT NULL, old_left_at bigint, new_left_at bigint";

    private const string Columns = "tier, bucket_start, status, transitions, failed, completed, latency_buckets, latency_counts";

    // A shortened stay takes its old duration's count out of a bucket: counts that reach zero are dropped.
    private const string MergeSql = $"""
        INSERT INTO status_rollups AS r ({Columns})
        SELECT {Columns} FROM incoming_status_rollups
        ON CONFLICT (tier, bucket_start, status) DO UPDATE SET
            transitions = r.transitions + excluded.transitions,
            failed = r.failed + excluded.failed,
            completed = r.completed + excluded.completed,
            (latency_buckets, latency_counts) = (
                SELECT coalesce(array_agg(b ORDER BY b), ARRAY[]::smallint[]), coalesce(array_agg(n ORDER BY b), ARRAY[]::bigint[])
                FROM (SELECT b, sum(n)::bigint AS n
                      FROM (SELECT * FROM unnest(r.latency_buckets, r.latency_counts) AS old(b, n)
                            UNION ALL
                            SELECT * FROM unnest(excluded.latency_buckets, excluded.latency_counts) AS new(b, n)) both_sides
                      GROUP BY b
                      HAVING sum(n) <> 0) merged)
        """;

    /// <summary>Sums the changes; minute buckets only for stays that began after <paramref name="minuteHorizon"/>, as <see cref="HopRollups"/> does.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long minuteHorizon, CancellationToken cancellationToken)
    {
        var rows = await SumAsync(connection, transaction, minuteHorizon, cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        await RollupMerge.ApplyAsync(connection, transaction, "status_rollups", Columns, rows, WriteRow, MergeSql, cancellationToken);
    }

    private static void WriteRow(NpgsqlBinaryImporter importer, StatusRollupRow row)
    {
        importer.Write((short)row.Tier, NpgsqlDbType.Smallint);
        importer.Write(row.BucketStart, NpgsqlDbType.Bigint);
        importer.Write(row.Status, NpgsqlDbType.Text);
        importer.Write(row.Transitions, NpgsqlDbType.Bigint);
        importer.Write(row.Failed, NpgsqlDbType.Bigint);
        importer.Write(row.Completed, NpgsqlDbType.Bigint);
        importer.Write(row.LatencyBuckets, NpgsqlDbType.Array | NpgsqlDbType.Smallint);
        importer.Write(row.LatencyCounts, NpgsqlDbType.Array | NpgsqlDbType.Bigint);
    }

    private static async Task<List<StatusRollupRow>> SumAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long minuteHorizon, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(RollupTier, long, string), StatusRollupRow>();
        await using var command = new NpgsqlCommand($"SELECT status, entered_at, failed, inserted, old_left_at, new_left_at FROM {StayChangesTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(0);
            var enteredAt = reader.GetInt64(1);
            var failed = reader.GetBoolean(2);
            var inserted = reader.GetBoolean(3);
            long? oldLeftAt = reader.IsDBNull(4) ? null : reader.GetInt64(4);
            long? newLeftAt = reader.IsDBNull(5) ? null : reader.GetInt64(5);
            foreach (var (tier, size) in RollupTiers.All.Where(t => t.Tier != RollupTier.Minute || enteredAt >= minuteHorizon))
            {
                var bucket = RollupTiers.Floor(enteredAt, size);
                if (!rows.TryGetValue((tier, bucket, status), out var row))
                {
                    rows[(tier, bucket, status)] = row = new StatusRollupRow(tier, bucket, status);
                }

                if (inserted)
                {
                    row.AddTransition(failed);
                }

                if (oldLeftAt is { } left)
                {
                    row.RemoveStay(left - enteredAt);
                }

                if (newLeftAt is { } leftNow)
                {
                    row.AddStay(leftNow - enteredAt);
                }
            }
        }

        return [.. rows.Values];
    }
}

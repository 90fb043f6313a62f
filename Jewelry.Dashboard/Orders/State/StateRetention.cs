using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Stages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>Removes state older than <see cref="StateRetentionOptions.KeepFor"/>, and minute rollups older than their tier keeps.</summary>
public sealed class StateRetention(NpgsqlDataSource dataSource, IOptions<StateRetentionOptions> options)
{
    private static readonly string[] s_deleteSql =
    [
        "DELETE FROM order_transitions WHERE entered_at < @cutoff",
        "DELETE FROM order_state WHERE last_at < @cutoff",
        "DELETE FROM published_messages WHERE published_at < @cutoff",
        "DELETE FROM consumed_messages WHERE first_consumed_at < @cutoff",
        "DELETE FROM order_failures WHERE at < @cutoff",
        .. new[] { "hop_rollups", "status_rollups" }.SelectMany(rollups => new[]
        {
            $"DELETE FROM {rollups} WHERE tier = {(short)RollupTier.Minute} AND bucket_start < @minuteCutoff",
            $"DELETE FROM {rollups} WHERE tier = {(short)RollupTier.Hour} AND bucket_start + {RollupTiers.HourNanoseconds} <= @cutoff",
            $"DELETE FROM {rollups} WHERE tier = {(short)RollupTier.Day} AND bucket_start + {RollupTiers.DayNanoseconds} <= @cutoff",
        }),
    ];

    public StateRetentionOptions Options => options.Value;

    /// <summary>Deletes what is past its age; returns the rows removed.</summary>
    public async Task<long> EnforceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = UnixNano.FromDateTimeOffset(now - options.Value.KeepFor);
        var minuteCutoff = UnixNano.FromDateTimeOffset(now - RollupTiers.MinuteTierKeptFor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in s_deleteSql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("minuteCutoff", minuteCutoff);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands.Cast<NpgsqlBatchCommand>().Sum(command => (long)command.RecordsAffected);
    }
}

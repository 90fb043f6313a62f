using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Retention;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// The age part of retention when the archive is on: whole hours of traces (by the hour the trace started, once it has
/// ended) and of log records older than the cutoff hour are written to S3, one object per hour, and only then deleted.
/// An hour that cannot be written stays in the store, is logged and counted, and is tried again at the next run.
/// Metric points are not archived: they go by age as without the archive.
/// </summary>
public sealed class TelemetryArchive(NpgsqlDataSource dataSource, ArchiveStore store, ArchiveCounters counters, TimeProvider time, ILogger<TelemetryArchive> logger)
{
    private const long HourNanos = 3_600_000_000_000;

    public async Task<RetentionResult> ArchiveAndRemoveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Whole hours only: an hour is written once, when nothing of it is still within retention.
        var cutoffNanos = UnixNano.FromDateTimeOffset(ArchiveKey.HourStart(cutoff));
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var result = RetentionResult.None;
        foreach (var hour in await ArchiveImports.ReleaseExpiredAsync(connection, ArchiveSignal.Traces, now, cancellationToken))
        {
            result += await DeleteTracesAsync(connection, await TraceIdsAsync(connection, hour, long.MaxValue, cancellationToken), cancellationToken);
        }

        foreach (var hour in await ArchiveImports.ReleaseExpiredAsync(connection, ArchiveSignal.Logs, now, cancellationToken))
        {
            result += new RetentionResult(0, 0, await DeleteLogsAsync(connection, await LogIdsAsync(connection, hour, long.MaxValue, cancellationToken), cancellationToken), 0);
        }

        while (await OldestHourAsync(connection, "traces", "start_time_unix_nano", "AND end_time_unix_nano < @cutoff", ArchiveSignal.Traces, cutoffNanos, cancellationToken) is { } hour)
        {
            var ids = await TraceIdsAsync(connection, hour, cutoffNanos, cancellationToken);
            var (content, _) = await ArchiveExport.TracesAsync(connection, ids, cancellationToken);
            if (!await WriteAsync(ArchiveSignal.Traces, hour, content, cancellationToken))
            {
                break;
            }

            result += await DeleteTracesAsync(connection, ids, cancellationToken);
        }

        while (await OldestHourAsync(connection, "logs", "time_unix_nano", string.Empty, ArchiveSignal.Logs, cutoffNanos, cancellationToken) is { } hour)
        {
            var ids = await LogIdsAsync(connection, hour, cutoffNanos, cancellationToken);
            var (content, _) = await ArchiveExport.LogsAsync(connection, ids, cancellationToken);
            if (!await WriteAsync(ArchiveSignal.Logs, hour, content, cancellationToken))
            {
                break;
            }

            result += new RetentionResult(0, 0, await DeleteLogsAsync(connection, ids, cancellationToken), 0);
        }

        return result;
    }

    private async Task<bool> WriteAsync(ArchiveSignal signal, long hourNanos, byte[] content, CancellationToken cancellationToken)
    {
        var hour = UnixNano.ToDateTimeOffset(hourNanos);
        try
        {
            var key = await store.WriteOnceAsync(signal, hour, content, cancellationToken);
            counters.ObjectWritten(signal);
            logger.LogInformation("Archived {Signal} of {Hour:yyyy-MM-dd HH}:00 UTC to {Bucket}/{Key} ({Bytes} bytes)", signal, hour, store.Bucket, key, content.Length);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counters.Failed(signal);
            logger.LogError(exception, "Archiving {Signal} of {Hour:yyyy-MM-dd HH}:00 UTC to bucket {Bucket} failed; the telemetry stays in the store until a run archives it", signal, hour, store.Bucket);
            return false;
        }
    }

    private static async Task<long?> OldestHourAsync(
        NpgsqlConnection connection, string table, string timeColumn, string condition, ArchiveSignal signal, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT min({timeColumn}) FROM {table} WHERE {timeColumn} < @cutoff {condition} AND {ArchiveImports.NotImportedHour(timeColumn)}",
            connection);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("signal", ArchiveImports.Name(signal));
        return await command.ExecuteScalarAsync(cancellationToken) is long oldest ? oldest - (oldest % HourNanos) : null;
    }

    private static async Task<byte[][]> TraceIdsAsync(NpgsqlConnection connection, long hour, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT trace_id FROM traces WHERE start_time_unix_nano >= @hour AND start_time_unix_nano < @next AND end_time_unix_nano < @cutoff",
            connection);
        command.Parameters.AddWithValue("hour", hour);
        command.Parameters.AddWithValue("next", hour + HourNanos);
        command.Parameters.AddWithValue("cutoff", cutoff);
        var ids = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetFieldValue<byte[]>(0));
        }

        return [.. ids];
    }

    private static async Task<long[]> LogIdsAsync(NpgsqlConnection connection, long hour, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT log_id FROM logs WHERE time_unix_nano >= @hour AND time_unix_nano < @next AND time_unix_nano < @cutoff",
            connection);
        command.Parameters.AddWithValue("hour", hour);
        command.Parameters.AddWithValue("next", hour + HourNanos);
        command.Parameters.AddWithValue("cutoff", cutoff);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    private static async Task<RetentionResult> DeleteTracesAsync(NpgsqlConnection connection, byte[][] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH deleted_traces AS (DELETE FROM traces WHERE trace_id = ANY(@ids) RETURNING trace_id),
                 deleted_spans AS (DELETE FROM spans WHERE trace_id = ANY(@ids) RETURNING 1)
            SELECT (SELECT count(*) FROM deleted_traces), (SELECT count(*) FROM deleted_spans)
            """,
            connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionResult(reader.GetInt64(0), reader.GetInt64(1), 0, 0);
    }

    private static async Task<long> DeleteLogsAsync(NpgsqlConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM logs WHERE log_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

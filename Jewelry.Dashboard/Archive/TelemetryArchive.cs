using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Retention when the archive is on: what it removes goes to S3 first, one object per signal and hour, and only what
/// was written is deleted. By age, whole hours of traces (by the hour the trace started, once it has ended), log records
/// and metric points older than the cutoff hour. Over a size limit, the oldest rows beyond it, hour by hour: an hour
/// a size limit cut into is written as it stands, and its rest, when age or the limit takes it later, goes to a further
/// object of the same hour (<c>14.1.json.gz</c>; objects are written once, never rewritten). An hour that cannot be
/// written stays in the store, is logged and counted, and is tried again at the next run; beyond a size limit the
/// store then keeps up to <see cref="ArchiveOptions.SizeLimitMargin"/> more (see <see cref="Ceiling"/>). Imported
/// hours are in the archive already: age leaves them until their keep time is over, then they go unarchived, and a
/// size limit removes them unarchived.
/// </summary>
public sealed class TelemetryArchive(
    NpgsqlDataSource dataSource, ArchiveStore store, ArchiveCounters counters, IOptions<ArchiveOptions> options, TimeProvider time, ILogger<TelemetryArchive> logger)
{
    private const long HourNanos = 3_600_000_000_000;

    /// <summary>
    /// How far over <paramref name="limit"/> the store may grow while S3 cannot take what the limit removes; retention
    /// deletes beyond it without archiving (<see cref="ReportUnarchived"/>), so an outage does not let the store grow
    /// without bound.
    /// </summary>
    public long Ceiling(long limit)
    {
        var margin = (long)Math.Ceiling(limit * options.Value.SizeLimitMargin);
        return margin > long.MaxValue - limit ? long.MaxValue : limit + margin;
    }

    public async Task<RetentionResult> ArchiveAndRemoveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Whole hours only: an hour is written once, when nothing of it is still within retention.
        var byAge = new Dictionary<string, object> { ["cutoff"] = UnixNano.FromDateTimeOffset(ArchiveKey.HourStart(cutoff)) };
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var result = await ReleaseExpiredAsync(connection, ArchivedTables.Traces, now, cancellationToken)
            + await ReleaseExpiredAsync(connection, ArchivedTables.Logs, now, cancellationToken)
            + await ReleaseExpiredAsync(connection, ArchivedTables.Metrics, now, cancellationToken);
        result += await ArchiveHoursAsync(connection, ArchivedTables.Traces, new(ArchivedTables.Traces.AgeCondition, byAge), cancellationToken);
        result += await ArchiveHoursAsync(connection, ArchivedTables.Logs, new(ArchivedTables.Logs.AgeCondition, byAge), cancellationToken);
        result += await ArchiveHoursAsync(connection, ArchivedTables.Metrics, new(ArchivedTables.Metrics.AgeCondition, byAge), cancellationToken);
        return result;
    }

    /// <summary>
    /// Archives and deletes what is beyond <paramref name="limit"/> (spans, log records or metric points), oldest first.
    /// What S3 would not take stays; retention then deletes only beyond <see cref="Ceiling"/>.
    /// </summary>
    public async Task<RetentionResult> ArchiveOverLimitAsync(ArchiveSignal signal, long limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return signal switch
        {
            ArchiveSignal.Traces => await ArchiveOverLimitAsync(connection, ArchivedTables.Traces, limit, cancellationToken),
            ArchiveSignal.Logs => await ArchiveOverLimitAsync(connection, ArchivedTables.Logs, limit, cancellationToken),
            _ => await ArchiveOverLimitAsync(connection, ArchivedTables.Metrics, limit, cancellationToken),
        };
    }

    /// <summary>Retention deleted <paramref name="records"/> beyond <see cref="Ceiling"/> without archiving them: counted and logged as an error.</summary>
    public void ReportUnarchived(ArchiveSignal signal, long records, long limit)
    {
        if (records == 0)
        {
            return;
        }

        counters.DeletedUnarchived(signal, records);
        logger.LogError(
            "Deleted {Records} {Signal} records beyond {Ceiling} (the size limit {Limit} and the archive's margin) without archiving them: the archive did not take them (see the earlier archive errors) and the store must not grow without bound",
            records, signal, Ceiling(limit), limit);
    }

    private async Task<RetentionResult> ArchiveOverLimitAsync<TId>(NpgsqlConnection connection, ArchivedTable<TId> table, long limit, CancellationToken cancellationToken)
    {
        await using var boundary = new NpgsqlCommand(table.OverLimitBoundarySql, connection);
        boundary.Parameters.AddWithValue("limit", limit);
        var values = new Dictionary<string, object>();
        await using (var reader = await boundary.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return RetentionResult.None;
            }

            for (var column = 0; column < reader.FieldCount; column++)
            {
                values[$"b{column}"] = reader.GetValue(column);
            }
        }

        var overLimit = new RowSelection(table.OverLimitCondition, values);
        var imported = await IdsAsync(connection, table, overLimit.And(ArchiveImports.ImportedHour(table.TimeColumn)), cancellationToken);
        var result = imported.Length == 0 ? RetentionResult.None : await table.DeleteAsync(connection, imported, cancellationToken);
        return result + await ArchiveHoursAsync(connection, table, overLimit, cancellationToken);
    }

    private static async Task<RetentionResult> ReleaseExpiredAsync<TId>(NpgsqlConnection connection, ArchivedTable<TId> table, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = RetentionResult.None;
        foreach (var hour in await ArchiveImports.ReleaseExpiredAsync(connection, table.Signal, now, cancellationToken))
        {
            result += await table.DeleteAsync(connection, await IdsAsync(connection, table, InHour(RowSelection.All, table, hour), cancellationToken), cancellationToken);
        }

        return result;
    }

    /// <summary>Writes the hours of <paramref name="rows"/> (not imported ones), oldest first, each deleted once written; stops at the first S3 failure.</summary>
    private async Task<RetentionResult> ArchiveHoursAsync<TId>(
        NpgsqlConnection connection, ArchivedTable<TId> table, RowSelection rows, CancellationToken cancellationToken)
    {
        var result = RetentionResult.None;
        while (await OldestHourAsync(connection, table, rows.And(ArchiveImports.NotImportedHour(table.TimeColumn)), cancellationToken) is { } hour)
        {
            var ids = await IdsAsync(connection, table, InHour(rows, table, hour), cancellationToken);
            if (!await WriteAsync(connection, table, hour, ids, cancellationToken))
            {
                return result;
            }

            result += await table.DeleteAsync(connection, ids, cancellationToken);
        }

        return result;
    }

    private async Task<bool> WriteAsync<TId>(NpgsqlConnection connection, ArchivedTable<TId> table, long hourNanos, TId[] ids, CancellationToken cancellationToken)
    {
        var hour = UnixNano.ToDateTimeOffset(hourNanos);
        // The object goes through a temporary file, so an hour of any size is never held in memory whole.
        await using var content = new FileStream(
            Path.Combine(Path.GetTempPath(), $"jewelry-archive-{Guid.NewGuid():N}{ArchiveKey.Extension}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var records = await table.ExportAsync(connection, ids, content, cancellationToken);
        content.Position = 0;
        try
        {
            var key = await store.WriteOnceAsync(table.Signal, hour, content, cancellationToken);
            counters.ObjectWritten(table.Signal);
            logger.LogInformation(
                "Archived {Records} {Signal} records of {Hour:yyyy-MM-dd HH}:00 UTC to {Bucket}/{Key} ({Bytes} bytes)",
                records, table.Signal, hour, store.Bucket, key, content.Length);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counters.Failed(table.Signal);
            logger.LogError(
                exception, "Archiving {Signal} of {Hour:yyyy-MM-dd HH}:00 UTC to bucket {Bucket} failed; the telemetry stays in the store until a run archives it",
                table.Signal, hour, store.Bucket);
            return false;
        }
    }

    private static RowSelection InHour<TId>(RowSelection rows, ArchivedTable<TId> table, long hour) =>
        new RowSelection(rows.Condition, new Dictionary<string, object>(rows.Parameters) { ["hour"] = hour, ["next"] = hour + HourNanos })
            .And($"{table.TimeColumn} >= @hour AND {table.TimeColumn} < @next");

    private static async Task<long?> OldestHourAsync<TId>(NpgsqlConnection connection, ArchivedTable<TId> table, RowSelection rows, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT min({table.TimeColumn}) FROM {table.Table} WHERE {rows.Condition}", table, rows);
        return await command.ExecuteScalarAsync(cancellationToken) is long oldest ? oldest - (oldest % HourNanos) : null;
    }

    private static async Task<TId[]> IdsAsync<TId>(NpgsqlConnection connection, ArchivedTable<TId> table, RowSelection rows, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {table.IdColumn} FROM {table.Table} WHERE {rows.Condition}", table, rows);
        var ids = new List<TId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetFieldValue<TId>(0));
        }

        return [.. ids];
    }

    private static NpgsqlCommand Command<TId>(NpgsqlConnection connection, string sql, ArchivedTable<TId> table, RowSelection rows)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("signal", ArchiveImports.Name(table.Signal));
        foreach (var (name, value) in rows.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}

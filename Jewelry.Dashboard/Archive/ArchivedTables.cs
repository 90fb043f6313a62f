using Jewelry.Dashboard.Storage.Retention;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// The three archived tables. Traces go whole, by the hour their trace started (<c>traces</c>, then their spans);
/// log records and metric points one by one. Over a size limit the oldest go: traces by start time, as retention
/// without the archive removes them, records and points by id (ids grow with arrival).
/// </summary>
internal static class ArchivedTables
{
    public static readonly ArchivedTable<byte[]> Traces = new(
        ArchiveSignal.Traces,
        "traces",
        "trace_id",
        "start_time_unix_nano",
        "start_time_unix_nano < @cutoff AND end_time_unix_nano < @cutoff",
        $"SELECT start_time_unix_nano, trace_id FROM ({TelemetryRetention.TracesBySpansNewerSql}) ranked WHERE newer_spans > @limit ORDER BY start_time_unix_nano DESC, trace_id DESC LIMIT 1",
        "(start_time_unix_nano, trace_id) <= (@b0, @b1)",
        ArchiveExport.TracesAsync,
        DeleteTracesAsync);

    public static readonly ArchivedTable<long> Logs = Records(ArchiveSignal.Logs, "logs", "log_id", ArchiveExport.LogsAsync, logs => new(0, 0, logs, 0));

    public static readonly ArchivedTable<long> Metrics =
        Records(ArchiveSignal.Metrics, "metric_points", "point_id", ArchiveExport.MetricsAsync, points => new(0, 0, 0, points));

    private static ArchivedTable<long> Records(
        ArchiveSignal signal, string table, string idColumn, Func<NpgsqlConnection, long[], Stream, CancellationToken, Task<long>> export, Func<long, RetentionResult> removed) => new(
        signal,
        table,
        idColumn,
        "time_unix_nano",
        "time_unix_nano < @cutoff",
        $"SELECT {idColumn} FROM {table} ORDER BY {idColumn} DESC OFFSET @limit LIMIT 1",
        $"{idColumn} <= @b0",
        export,
        async (connection, ids, cancellationToken) =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE {idColumn} = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            return removed(await command.ExecuteNonQueryAsync(cancellationToken));
        });

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
}

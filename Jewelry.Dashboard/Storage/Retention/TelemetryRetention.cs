using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Otlp.Decoding;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Storage.Retention;

/// <summary>
/// Removes telemetry past its age or beyond the size limits. Traces go whole (a trace is expired when its last
/// span ended before the cutoff; over the span limit, the oldest traces go first), never span by span. Audit
/// entries go by age alone, after <see cref="RetentionOptions.MaxAuditAge"/>, which only the configuration sets.
/// Deletes run in chunks so ingest is never blocked behind one long transaction. The limits are read at every
/// run: an admin's settings (<c>dashboard_settings</c>) when there are any, else <c>Dashboard:Retention</c>. With the
/// archive on (<see cref="TelemetryArchive"/>), what the age and the size limits remove (traces, logs and metric points)
/// goes to S3 first, and only what was archived is deleted; while S3 does not take it, a size limit still deletes,
/// unarchived, what is beyond the limit plus the archive's margin (<see cref="TelemetryArchive.Ceiling"/>), so the
/// store stays bounded.
/// </summary>
public sealed class TelemetryRetention(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TelemetryArchive? archive = null)
{
    /// <summary>Every trace with <c>newer_spans</c>, the spans of it and of all newer traces (newest first by start).</summary>
    internal const string TracesBySpansNewerSql =
        "SELECT trace_id, start_time_unix_nano, sum(span_count) OVER (ORDER BY start_time_unix_nano DESC, trace_id DESC) AS newer_spans FROM traces";

    private const int ChunkSize = 2_000;
    private readonly RetentionOptions _options = options.Value;
    private readonly RetentionSettingsStore _settings = new(dataSource);

    /// <summary>The configuration: the interval, and the limits unless an admin has set others.</summary>
    public RetentionOptions Options => _options;

    public async Task<RetentionLimits> GetEffectiveLimitsAsync(CancellationToken cancellationToken) =>
        (await _settings.GetAsync(cancellationToken))?.Limits ?? RetentionLimits.From(_options);

    public async Task<RetentionResult> EnforceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limits = await GetEffectiveLimitsAsync(cancellationToken);
        var result = RetentionResult.None;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (limits.MaxAge is { } maxAge)
        {
            var cutoff = UnixNano.FromDateTimeOffset(now - maxAge);
            if (archive is not null)
            {
                result += await archive.ArchiveAndRemoveAsync(now - maxAge, cancellationToken);
            }
            else
            {
                result += await DeleteTracesAsync(
                    connection,
                    "SELECT trace_id FROM traces WHERE start_time_unix_nano < @cutoff AND end_time_unix_nano < @cutoff LIMIT @chunk",
                    cutoff,
                    cancellationToken);
                result += new RetentionResult(0, 0, await DeleteRowsAsync(connection, "logs", "log_id", "time_unix_nano < @cutoff", cutoff, cancellationToken), 0);
                result += new RetentionResult(0, 0, 0,
                    await DeleteRowsAsync(connection, "metric_points", "point_id", "time_unix_nano < @cutoff", cutoff, cancellationToken));
            }
        }

        // With the archive on, what is over a limit is archived first; then only what is beyond the archive's ceiling
        // (nothing, unless S3 failed) is deleted unarchived.
        if (limits.MaxSpans is { } maxSpans)
        {
            result += await ArchiveOverLimitAsync(ArchiveSignal.Traces, maxSpans, cancellationToken);
            // The running total of spans, newest trace first: everything past the limit goes.
            var deleted = await DeleteTracesAsync(
                connection, $"SELECT trace_id FROM ({TracesBySpansNewerSql}) ranked WHERE newer_spans > @cutoff LIMIT @chunk", Keep(maxSpans), cancellationToken);
            archive?.ReportUnarchived(ArchiveSignal.Traces, deleted.Spans, maxSpans);
            result += deleted;
        }

        if (limits.MaxLogRecords is { } maxLogs)
        {
            result += await ArchiveOverLimitAsync(ArchiveSignal.Logs, maxLogs, cancellationToken);
            var deleted = await DeleteOverLimitAsync(connection, "logs", "log_id", Keep(maxLogs), cancellationToken);
            archive?.ReportUnarchived(ArchiveSignal.Logs, deleted, maxLogs);
            result += new RetentionResult(0, 0, deleted, 0);
        }

        if (limits.MaxMetricPoints is { } maxPoints)
        {
            result += await ArchiveOverLimitAsync(ArchiveSignal.Metrics, maxPoints, cancellationToken);
            var deleted = await DeleteOverLimitAsync(connection, "metric_points", "point_id", Keep(maxPoints), cancellationToken);
            archive?.ReportUnarchived(ArchiveSignal.Metrics, deleted, maxPoints);
            result += new RetentionResult(0, 0, 0, deleted);
        }

        if (_options.MaxAuditAge is { } maxAuditAge)
        {
            result += new RetentionResult(0, 0, 0, 0, await DeleteRowsAsync(connection, "audit_log", "id", "time < @cutoff", now - maxAuditAge, cancellationToken));
        }

        return result;
    }

    private async Task<RetentionResult> ArchiveOverLimitAsync(ArchiveSignal signal, long limit, CancellationToken cancellationToken) =>
        archive is null ? RetentionResult.None : await archive.ArchiveOverLimitAsync(signal, limit, cancellationToken);

    private long Keep(long limit) => archive?.Ceiling(limit) ?? limit;

    private static async Task<RetentionResult> DeleteTracesAsync(
        NpgsqlConnection connection, string selectExpiredSql, long cutoff, CancellationToken cancellationToken)
    {
        long traces = 0;
        long spans = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"""
                WITH expired AS ({selectExpiredSql}),
                     deleted_traces AS (DELETE FROM traces t USING expired e WHERE t.trace_id = e.trace_id RETURNING t.trace_id),
                     deleted_spans AS (DELETE FROM spans s USING deleted_traces d WHERE s.trace_id = d.trace_id RETURNING 1)
                SELECT (SELECT count(*) FROM deleted_traces), (SELECT count(*) FROM deleted_spans)
                """,
                connection,
                transaction);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("chunk", ChunkSize);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                var deletedTraces = reader.GetInt64(0);
                traces += deletedTraces;
                spans += reader.GetInt64(1);
                if (deletedTraces == 0)
                {
                    break;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new RetentionResult(traces, spans, 0, 0);
    }

    private static async Task<long> DeleteRowsAsync<TCutoff>(
        NpgsqlConnection connection, string table, string idColumn, string condition, TCutoff cutoff, CancellationToken cancellationToken)
        where TCutoff : notnull
    {
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"DELETE FROM {table} WHERE {idColumn} IN (SELECT {idColumn} FROM {table} WHERE {condition} LIMIT @chunk)",
                connection);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("chunk", ChunkSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted == 0)
            {
                return total;
            }
        }
    }

    private static async Task<long> DeleteOverLimitAsync(
        NpgsqlConnection connection, string table, string idColumn, long limit, CancellationToken cancellationToken)
    {
        // Ids grow with arrival, so "the oldest" is "the lowest ids" and the index finds the boundary.
        await using var boundary = new NpgsqlCommand($"SELECT {idColumn} FROM {table} ORDER BY {idColumn} DESC OFFSET @limit LIMIT 1", connection);
        boundary.Parameters.AddWithValue("limit", limit);
        if (await boundary.ExecuteScalarAsync(cancellationToken) is not long lastToDelete)
        {
            return 0;
        }

        return await DeleteRowsAsync(connection, table, idColumn, $"{idColumn} <= @cutoff", lastToDelete, cancellationToken);
    }
}

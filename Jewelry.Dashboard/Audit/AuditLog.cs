using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Queries;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Audit;

/// <summary>The <c>audit_log</c> table of the telemetry store: one row per request a signed-in user made.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness)
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        // While the store is not ready, fail at once (the caller counts and logs it) instead of holding every request.
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO audit_log (time, user_name, role, method, path, query, status_code, duration_ms, detail)
            VALUES (@time, @user, @role, @method, @path, @query, @status, @duration, @detail)
            """);
        command.Parameters.AddWithValue("time", entry.Time);
        command.Parameters.AddWithValue("user", entry.UserName);
        command.Parameters.AddWithValue("role", entry.Role);
        command.Parameters.AddWithValue("method", entry.Method);
        command.Parameters.AddWithValue("path", entry.Path);
        command.Parameters.AddWithValue("query", entry.Query);
        command.Parameters.AddWithValue("status", entry.StatusCode);
        command.Parameters.AddWithValue("duration", entry.DurationMs);
        command.Parameters.AddWithValue("detail", NpgsqlDbType.Text, (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditSearchResult> SearchAsync(AuditSearch search, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        var filter = new SqlFilterBuilder();
        if (search.UserName is { Length: > 0 } user)
        {
            filter.Where($"user_name = {filter.Parameter(user, NpgsqlDbType.Text)}");
        }

        if (search.From is { } from)
        {
            filter.Where($"time >= {filter.Parameter(from, NpgsqlDbType.TimestampTz)}");
        }

        if (search.To is { } to)
        {
            filter.Where($"time <= {filter.Parameter(to, NpgsqlDbType.TimestampTz)}");
        }

        if (search.After is { } after)
        {
            filter.Where($"(time, id) < ({filter.Parameter(after.Time, NpgsqlDbType.TimestampTz)}, {filter.Parameter(after.Id, NpgsqlDbType.Bigint)})");
        }

        var limit = Math.Clamp(search.Limit, 1, AuditSearch.MaxLimit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = filter.CreateCommand(
            $"""
            SELECT id, time, user_name, role, method, path, query, status_code, duration_ms, detail
            FROM audit_log
            {filter.WhereClause()}
            ORDER BY time DESC, id DESC
            LIMIT {limit + 1}
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetInt32(7),
                reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        if (entries.Count <= limit)
        {
            return new AuditSearchResult(entries, null);
        }

        var last = entries[limit - 1];
        return new AuditSearchResult(entries[..limit], new AuditCursor(last.Time.UtcTicks, last.Id).ToString());
    }
}

using Jewelry.Dashboard.Otlp.Decoding;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed class LogQueries(Npgsql.NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness)
{
    public async Task<LogSearchResult> SearchAsync(LogSearch search, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        var filter = new SqlFilterBuilder();
        if (search.ServiceName is { Length: > 0 } service)
        {
            filter.Where($"l.service_name = {filter.Parameter(service, NpgsqlDbType.Text)}");
        }

        if (search.MinSeverity is { } severity)
        {
            filter.Where($"l.severity_number >= {filter.Parameter((short)severity, NpgsqlDbType.Smallint)}");
        }

        if (search.Text is { Length: > 0 } text)
        {
            filter.Where($"l.body ILIKE {filter.Parameter(SqlFilterBuilder.ContainsPattern(text), NpgsqlDbType.Text)}");
        }

        if (search.TraceId is { } traceId)
        {
            filter.Where($"l.trace_id = {filter.Parameter(traceId, NpgsqlDbType.Bytea)}");
        }

        if (search.SpanId is { } spanId)
        {
            filter.Where($"l.span_id = {filter.Parameter(spanId, NpgsqlDbType.Bytea)}");
        }

        // As for traces: attribute matches come from the GIN index first, whatever the planner estimates.
        var withMatched = string.Empty;
        if (search.Attributes.Count > 0)
        {
            var conditions = string.Join(" AND ", search.Attributes.Select(attribute => filter.Containment("m.attributes", attribute)));
            withMatched = $"WITH matched AS MATERIALIZED (SELECT m.log_id FROM logs m WHERE {conditions})\n";
            filter.Where("l.log_id IN (SELECT log_id FROM matched)");
        }

        if (search.Start is { } start)
        {
            filter.Where($"l.time_unix_nano >= {filter.Parameter(UnixNano.FromDateTimeOffset(start))}");
        }

        if (search.End is { } end)
        {
            filter.Where($"l.time_unix_nano <= {filter.Parameter(UnixNano.FromDateTimeOffset(end))}");
        }

        if (search.After is { } after)
        {
            filter.Where($"(l.time_unix_nano, l.log_id) < ({filter.Parameter(after.TimeUnixNano)}, {filter.Parameter(after.LogId)})");
        }

        var limit = Math.Clamp(search.Limit, 1, LogSearch.MaxLimit);
        var sql = withMatched + $"""
            SELECT l.log_id, l.time_unix_nano, l.service_name, l.scope_name, l.severity_number, l.severity_text, l.body,
                   l.attributes::text, l.trace_id, l.span_id, l.event_name
            FROM logs l
            {filter.WhereClause()}
            ORDER BY l.time_unix_nano DESC, l.log_id DESC
            LIMIT {limit + 1}
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = filter.CreateCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var logs = new List<LogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var time = reader.GetInt64(1);
            var severityNumber = reader.GetInt16(4);
            logs.Add(new LogEntry(
                reader.GetInt64(0),
                UnixNano.ToDateTimeOffset(time),
                time,
                reader.GetString(2),
                reader.GetString(3),
                severityNumber,
                LogLevels.NameOf(severityNumber),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                JsonColumn.Parse(reader.GetString(7)),
                reader.IsDBNull(8) ? null : Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(8)),
                reader.IsDBNull(9) ? null : Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        if (logs.Count <= limit)
        {
            return new LogSearchResult(logs, null);
        }

        var last = logs[limit - 1];
        return new LogSearchResult(logs[..limit], new LogCursor(last.TimeUnixNano, last.Id).ToString());
    }
}

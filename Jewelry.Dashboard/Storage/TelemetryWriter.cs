using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders.State;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage;

/// <summary>
/// Writes batches in one transaction with binary COPY. The <c>traces</c> summary rows and the state kept at ingest are
/// updated from exactly the spans that were new, so re-sent spans change nothing.
/// </summary>
public sealed class TelemetryWriter(NpgsqlDataSource dataSource, TimeProvider? time = null)
{
    /// <summary>The keys of the spans of the batch that were new, for what is kept from them at ingest.</summary>
    public const string NewSpansTable = "new_spans";

    private const string SpanColumns = SpanRowCopy.Columns;

    private const string LogColumns =
        "time_unix_nano, observed_time_unix_nano, resource_id, service_name, scope_name, severity_number, severity_text, body, " +
        "attributes, dropped_attributes_count, trace_id, span_id, flags, event_name";

    private const string MetricColumns =
        "time_unix_nano, start_time_unix_nano, resource_id, service_name, scope_name, metric_name, description, unit, metric_type, " +
        "temporality, is_monotonic, attributes, value, count, data, flags";

    private const string NewSpanColumns = "trace_id, span_id, parent_span_id, service_name, name, start_time_unix_nano, end_time_unix_nano, status_code";

    private const string CreateNewSpansSql =
        $"CREATE TEMP TABLE {NewSpansTable} (trace_id bytea, span_id bytea, parent_span_id bytea, service_name text, name text, " +
        "start_time_unix_nano bigint, end_time_unix_nano bigint, status_code smallint) ON COMMIT DROP";

    private const string MergeSpansSql = $"""
        WITH inserted AS (
            INSERT INTO spans ({SpanColumns})
            SELECT {SpanColumns} FROM incoming_spans
            ON CONFLICT DO NOTHING
            RETURNING {NewSpanColumns}
        )
        INSERT INTO {NewSpansTable} ({NewSpanColumns}) SELECT {NewSpanColumns} FROM inserted
        """;

    private const string UpsertTracesSql = $"""
        WITH per_trace AS (
            SELECT trace_id,
                   min(start_time_unix_nano) AS start_time_unix_nano,
                   max(end_time_unix_nano) AS end_time_unix_nano,
                   count(*) AS span_count,
                   count(*) FILTER (WHERE status_code = 2) AS error_count,
                   (array_agg(service_name ORDER BY start_time_unix_nano) FILTER (WHERE parent_span_id IS NULL))[1] AS root_service_name,
                   (array_agg(name ORDER BY start_time_unix_nano) FILTER (WHERE parent_span_id IS NULL))[1] AS root_span_name,
                   array_agg(DISTINCT service_name) AS services
            FROM {NewSpansTable}
            GROUP BY trace_id
        )
        INSERT INTO traces AS t (trace_id, start_time_unix_nano, end_time_unix_nano, span_count, error_count, root_service_name, root_span_name, services)
        SELECT trace_id, start_time_unix_nano, end_time_unix_nano, span_count, error_count, root_service_name, root_span_name, services
        FROM per_trace
        ON CONFLICT (trace_id) DO UPDATE SET
            start_time_unix_nano = least(t.start_time_unix_nano, excluded.start_time_unix_nano),
            end_time_unix_nano = greatest(t.end_time_unix_nano, excluded.end_time_unix_nano),
            span_count = t.span_count + excluded.span_count,
            error_count = t.error_count + excluded.error_count,
            root_service_name = coalesce(t.root_service_name, excluded.root_service_name),
            root_span_name = coalesce(t.root_span_name, excluded.root_span_name),
            services = CASE WHEN excluded.services <@ t.services THEN t.services
                            ELSE ARRAY(SELECT DISTINCT s FROM unnest(t.services || excluded.services) AS s ORDER BY s) END
        """;

    public async Task WriteAsync(IReadOnlyCollection<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await UpsertResourcesAsync(connection, transaction, batches.SelectMany(b => b.Resources), cancellationToken);

        var spans = batches.SelectMany(b => b.Spans).ToList();
        if (spans.Count > 0)
        {
            await WriteSpansAsync(connection, transaction, spans, cancellationToken);
        }

        var logs = batches.SelectMany(b => b.Logs).ToList();
        if (logs.Count > 0)
        {
            await WriteLogsAsync(connection, logs, cancellationToken);
        }

        var points = batches.SelectMany(b => b.MetricPoints).ToList();
        if (points.Count > 0)
        {
            await WriteMetricPointsAsync(connection, points, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertResourcesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<ResourceRecord> resources, CancellationToken cancellationToken)
    {
        var distinct = resources.DistinctBy(r => r.ResourceId).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO resources (resource_id, service_name, service_instance_id, attributes, dropped_attributes_count)
            SELECT * FROM unnest(@ids, @services, @instances, @attributes::jsonb[], @dropped)
            ON CONFLICT (resource_id) DO UPDATE SET last_seen = now()
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("ids", distinct.Select(r => r.ResourceId).ToArray());
        command.Parameters.AddWithValue("services", distinct.Select(r => r.ServiceName).ToArray());
        command.Parameters.AddWithValue("instances", NpgsqlDbType.Array | NpgsqlDbType.Text, distinct.Select(r => (object?)r.ServiceInstanceId ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("attributes", NpgsqlDbType.Array | NpgsqlDbType.Text, distinct.Select(r => r.AttributesJson).ToArray());
        command.Parameters.AddWithValue("dropped", distinct.Select(r => r.DroppedAttributesCount).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Spans are copied straight into <c>spans</c>, as fast as PostgreSQL takes rows, with their keys and summary
    /// columns into <see cref="NewSpansTable"/>. A batch holding a span already stored (a re-sent OTLP request) fails that
    /// copy on the primary key; it is then rolled back and merged through a temporary table, keeping only the new spans.
    /// </summary>
    private async Task WriteSpansAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<SpanRecord> spans, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, CreateNewSpansSql, cancellationToken);
        await transaction.SaveAsync("spans", cancellationToken);
        var facts = spans.Select(span => span.Facts).OfType<OrderSpanFacts>().ToList();
        IEnumerable<OrderSpanFacts> newFacts = facts;
        try
        {
            await SpanRowCopy.CopyAsync(connection, "spans", spans, cancellationToken);
            await CopyNewSpansAsync(connection, spans, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("spans", cancellationToken);
            await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE incoming_spans (LIKE spans) ON COMMIT DROP", cancellationToken);
            await SpanRowCopy.CopyAsync(connection, "incoming_spans", spans, cancellationToken);
            await ExecuteAsync(connection, transaction, MergeSpansSql, cancellationToken);
            var inserted = await NewSpanKeysAsync(connection, transaction, cancellationToken);
            newFacts = facts.Select(fact => (Key: (Convert.ToHexString(fact.Span.TraceId), Convert.ToHexString(fact.Span.SpanId)), Fact: fact))
                .Where(entry => inserted.Contains(entry.Key))
                .DistinctBy(entry => entry.Key)
                .Select(entry => entry.Fact)
                .ToList();
        }

        await ExecuteAsync(connection, transaction, UpsertTracesSql, cancellationToken);
        if (facts.Count > 0)
        {
            await OrderStateWriter.ApplyAsync(connection, transaction, facts, newFacts, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken);
        }
    }

    private static async Task CopyNewSpansAsync(NpgsqlConnection connection, List<SpanRecord> spans, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {NewSpansTable} ({NewSpanColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var span in spans)
        {
            importer.StartRow();
            importer.Write(span.TraceId, NpgsqlDbType.Bytea);
            importer.Write(span.SpanId, NpgsqlDbType.Bytea);
            WriteNullable(importer, span.ParentSpanId, NpgsqlDbType.Bytea);
            importer.Write(span.Resource.ServiceName, NpgsqlDbType.Text);
            importer.Write(span.Name, NpgsqlDbType.Text);
            importer.Write(span.StartTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(span.EndTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(span.StatusCode, NpgsqlDbType.Smallint);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<HashSet<(string TraceId, string SpanId)>> NewSpanKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, string)>();
        await using var command = new NpgsqlCommand($"SELECT trace_id, span_id FROM {NewSpansTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((Convert.ToHexString(reader.GetFieldValue<byte[]>(0)), Convert.ToHexString(reader.GetFieldValue<byte[]>(1))));
        }

        return keys;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteLogsAsync(NpgsqlConnection connection, List<LogEntryRecord> logs, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY logs ({LogColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var log in logs)
        {
            importer.StartRow();
            importer.Write(log.TimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(log.ObservedTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(log.Resource.ResourceId, NpgsqlDbType.Bigint);
            importer.Write(log.Resource.ServiceName, NpgsqlDbType.Text);
            importer.Write(log.Scope.Name, NpgsqlDbType.Text);
            importer.Write(log.SeverityNumber, NpgsqlDbType.Smallint);
            WriteNullable(importer, log.SeverityText, NpgsqlDbType.Text);
            WriteNullable(importer, log.Body, NpgsqlDbType.Text);
            importer.Write(log.AttributesJson, NpgsqlDbType.Jsonb);
            importer.Write(log.DroppedAttributesCount, NpgsqlDbType.Integer);
            WriteNullable(importer, log.TraceId, NpgsqlDbType.Bytea);
            WriteNullable(importer, log.SpanId, NpgsqlDbType.Bytea);
            importer.Write(log.Flags, NpgsqlDbType.Integer);
            WriteNullable(importer, log.EventName, NpgsqlDbType.Text);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteMetricPointsAsync(NpgsqlConnection connection, List<MetricPointRecord> points, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY metric_points ({MetricColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var point in points)
        {
            importer.StartRow();
            importer.Write(point.TimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(point.StartTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(point.Resource.ResourceId, NpgsqlDbType.Bigint);
            importer.Write(point.Resource.ServiceName, NpgsqlDbType.Text);
            importer.Write(point.Scope.Name, NpgsqlDbType.Text);
            importer.Write(point.MetricName, NpgsqlDbType.Text);
            WriteNullable(importer, point.Description, NpgsqlDbType.Text);
            WriteNullable(importer, point.Unit, NpgsqlDbType.Text);
            importer.Write((short)point.Type, NpgsqlDbType.Smallint);
            importer.Write(point.Temporality, NpgsqlDbType.Smallint);
            importer.Write(point.IsMonotonic, NpgsqlDbType.Boolean);
            importer.Write(point.AttributesJson, NpgsqlDbType.Jsonb);
            WriteNullable(importer, point.Value, NpgsqlDbType.Double);
            WriteNullable(importer, point.Count, NpgsqlDbType.Bigint);
            WriteNullable(importer, point.DataJson, NpgsqlDbType.Jsonb);
            importer.Write(point.Flags, NpgsqlDbType.Integer);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value.Value, type);
        }
    }
}

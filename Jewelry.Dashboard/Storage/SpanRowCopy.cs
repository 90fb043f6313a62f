using Jewelry.Dashboard.Ingest.Records;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage;

/// <summary>
/// One span as one row of the <c>spans</c> table over binary COPY: the dashboard's writer and the ingest benchmark's
/// raw-COPY limit both write rows this way, so the limit measures exactly the rows the dashboard stores.
/// </summary>
public static class SpanRowCopy
{
    public const string Columns =
        "trace_id, span_id, parent_span_id, trace_state, flags, resource_id, service_name, scope_name, scope_version, scope_attributes, " +
        "name, kind, start_time_unix_nano, end_time_unix_nano, status_code, status_message, attributes, dropped_attributes_count, " +
        "events, dropped_events_count, links, dropped_links_count";

    /// <summary>Copies <paramref name="spans"/> into <paramref name="table"/> (a table with the <c>spans</c> columns).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<SpanRecord> spans, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var span in spans)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(span.TraceId, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(span.SpanId, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(importer, span.ParentSpanId, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(importer, span.TraceState, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(span.Flags, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(span.Resource.ResourceId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(span.Resource.ServiceName, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(span.Scope.Name, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, span.Scope.Version, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, span.Scope.AttributesJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(span.Name, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(span.Kind, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(span.StartTimeUnixNano, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(span.EndTimeUnixNano, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(span.StatusCode, NpgsqlDbType.Smallint, cancellationToken);
            await WriteNullableAsync(importer, span.StatusMessage, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(span.AttributesJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(span.DroppedAttributesCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, span.EventsJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(span.DroppedEventsCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, span.LinksJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(span.DroppedLinksCount, NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}

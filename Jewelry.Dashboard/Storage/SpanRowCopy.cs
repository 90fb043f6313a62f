using Jewelry.Dashboard.Ingest.Records;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage;

/// <summary>
/// One span as one row of the <c>spans</c> table over binary COPY: the dashboard's writer and the ingest benchmark's
/// raw-COPY limit both write rows this way, so the limit measures exactly the rows the dashboard stores. Values are
/// written synchronously: the writer is one background loop, and an awaited call per value cost more than the copy.
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
            importer.StartRow();
            importer.Write(span.TraceId, NpgsqlDbType.Bytea);
            importer.Write(span.SpanId, NpgsqlDbType.Bytea);
            WriteNullable(importer, span.ParentSpanId, NpgsqlDbType.Bytea);
            WriteNullable(importer, span.TraceState, NpgsqlDbType.Text);
            importer.Write(span.Flags, NpgsqlDbType.Integer);
            importer.Write(span.Resource.ResourceId, NpgsqlDbType.Bigint);
            importer.Write(span.Resource.ServiceName, NpgsqlDbType.Text);
            importer.Write(span.Scope.Name, NpgsqlDbType.Text);
            WriteNullable(importer, span.Scope.Version, NpgsqlDbType.Text);
            WriteNullable(importer, span.Scope.AttributesJson, NpgsqlDbType.Jsonb);
            importer.Write(span.Name, NpgsqlDbType.Text);
            importer.Write(span.Kind, NpgsqlDbType.Smallint);
            importer.Write(span.StartTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(span.EndTimeUnixNano, NpgsqlDbType.Bigint);
            importer.Write(span.StatusCode, NpgsqlDbType.Smallint);
            WriteNullable(importer, span.StatusMessage, NpgsqlDbType.Text);
            importer.Write(span.AttributesJson, NpgsqlDbType.Jsonb);
            importer.Write(span.DroppedAttributesCount, NpgsqlDbType.Integer);
            WriteNullable(importer, span.EventsJson, NpgsqlDbType.Jsonb);
            importer.Write(span.DroppedEventsCount, NpgsqlDbType.Integer);
            WriteNullable(importer, span.LinksJson, NpgsqlDbType.Jsonb);
            importer.Write(span.DroppedLinksCount, NpgsqlDbType.Integer);
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
}

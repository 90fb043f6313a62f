using System.IO.Compression;
using System.Text.Json;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Stored spans, log records and metric points written back as one gzip-compressed OTLP JSON export request
/// (<c>ExportTraceServiceRequest</c> / <c>ExportLogsServiceRequest</c> / <c>ExportMetricsServiceRequest</c>), grouped by
/// resource and scope (and metric) as an SDK sends them, so that the dashboard's own OTLP/JSON decoder reads an archive
/// object as it reads an export.
/// </summary>
internal static class ArchiveExport
{
    private const string SpanColumns = """
        SELECT s.resource_id, r.attributes::text, r.dropped_attributes_count, s.scope_name, s.scope_version, s.scope_attributes::text,
               s.trace_id, s.span_id, s.parent_span_id, s.trace_state, s.flags, s.name, s.kind, s.start_time_unix_nano,
               s.end_time_unix_nano, s.status_code, s.status_message, s.attributes::text, s.dropped_attributes_count,
               s.events::text, s.dropped_events_count, s.links::text, s.dropped_links_count
        FROM spans s JOIN resources r ON r.resource_id = s.resource_id
        WHERE s.trace_id = ANY(@ids)
        ORDER BY s.resource_id, s.scope_name, s.scope_version, s.scope_attributes::text, s.trace_id, s.span_id
        """;

    private const string LogColumns = """
        SELECT l.resource_id, r.attributes::text, r.dropped_attributes_count, l.scope_name, NULL::text, NULL::text,
               l.time_unix_nano, l.observed_time_unix_nano, l.severity_number, l.severity_text, l.body, l.attributes::text,
               l.dropped_attributes_count, l.trace_id, l.span_id, l.flags, l.event_name
        FROM logs l JOIN resources r ON r.resource_id = l.resource_id
        WHERE l.log_id = ANY(@ids)
        ORDER BY l.resource_id, l.scope_name, l.log_id
        """;

    private static readonly ExportLayout s_spans = new(SpanColumns, "resourceSpans", "scopeSpans", "spans", WriteSpan);

    private static readonly ExportLayout s_logs = new(LogColumns, "resourceLogs", "scopeLogs", "logRecords", WriteLog);

    /// <summary>Writes the spans of <paramref name="traceIds"/> to <paramref name="output"/>, gzip-compressed; returns how many.</summary>
    public static Task<long> TracesAsync(NpgsqlConnection connection, byte[][] traceIds, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(connection, s_spans, traceIds, output, cancellationToken);

    public static Task<long> LogsAsync(NpgsqlConnection connection, long[] logIds, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(connection, s_logs, logIds, output, cancellationToken);

    public static Task<long> MetricsAsync(NpgsqlConnection connection, long[] pointIds, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(connection, MetricExport.Layout, pointIds, output, cancellationToken);

    // Rows are read one at a time and written through gzip to the output, so memory does not grow with the hour.
    private static async Task<long> WriteAsync<TId>(
        NpgsqlConnection connection, ExportLayout layout, TId[] ids, Stream output, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(layout.Sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        long records = 0;
        await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        await using (var writer = new Utf8JsonWriter(gzip))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(layout.ResourcesProperty);
            long? resource = null;
            string? scope = null;
            string? group = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var resourceId = reader.GetInt64(0);
                var scopeKey = $"{reader.GetString(3)}\n{Text(reader, 4)}\n{Text(reader, 5)}";
                var groupKey = layout.GroupKey?.Invoke(reader);
                if (resourceId != resource)
                {
                    if (resource is not null)
                    {
                        EndScope(writer, layout, group);
                        EndResource(writer);
                    }

                    StartResource(writer, reader, layout.ScopesProperty);
                    StartScope(writer, reader, layout.RecordsProperty);
                    (resource, scope, group) = (resourceId, scopeKey, null);
                }
                else if (scopeKey != scope)
                {
                    EndScope(writer, layout, group);
                    StartScope(writer, reader, layout.RecordsProperty);
                    (scope, group) = (scopeKey, null);
                }

                if (groupKey != group)
                {
                    if (group is not null)
                    {
                        layout.EndGroup!(writer);
                    }

                    layout.StartGroup!(writer, reader);
                    group = groupKey;
                }

                layout.WriteRecord(writer, reader);
                records++;

                // Keeps what the writer holds small; gzip buffers on its own.
                if (writer.BytesPending > 64 * 1024)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }

            if (resource is not null)
            {
                EndScope(writer, layout, group);
                EndResource(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return records;
    }

    private static void StartResource(Utf8JsonWriter writer, NpgsqlDataReader reader, string scopesProperty)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("resource");
        OtlpJsonValues.WriteAttributes(writer, "attributes", reader.GetString(1));
        OtlpJsonValues.WriteOptional(writer, "droppedAttributesCount", reader.GetInt32(2));
        writer.WriteEndObject();
        writer.WriteStartArray(scopesProperty);
    }

    private static void EndResource(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void StartScope(Utf8JsonWriter writer, NpgsqlDataReader reader, string recordsProperty)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("scope");
        writer.WriteString("name", reader.GetString(3));
        OtlpJsonValues.WriteOptional(writer, "version", Text(reader, 4));
        OtlpJsonValues.WriteAttributes(writer, "attributes", Text(reader, 5));
        writer.WriteEndObject();
        writer.WriteStartArray(recordsProperty);
    }

    private static void EndScope(Utf8JsonWriter writer, ExportLayout layout, string? group)
    {
        if (group is not null)
        {
            layout.EndGroup!(writer);
        }


        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter writer, NpgsqlDataReader reader)
    {
        writer.WriteStartObject();
        OtlpJsonValues.WriteId(writer, "traceId", reader.GetFieldValue<byte[]>(6));
        OtlpJsonValues.WriteId(writer, "spanId", reader.GetFieldValue<byte[]>(7));
        OtlpJsonValues.WriteId(writer, "parentSpanId", Bytes(reader, 8));
        OtlpJsonValues.WriteOptional(writer, "traceState", Text(reader, 9));
        OtlpJsonValues.WriteOptional(writer, "flags", reader.GetInt32(10));
        writer.WriteString("name", reader.GetString(11));
        writer.WriteNumber("kind", reader.GetInt16(12));
        OtlpJsonValues.WriteNanos(writer, "startTimeUnixNano", reader.GetInt64(13));
        OtlpJsonValues.WriteNanos(writer, "endTimeUnixNano", reader.GetInt64(14));
        OtlpJsonValues.WriteAttributes(writer, "attributes", reader.GetString(17));
        OtlpJsonValues.WriteOptional(writer, "droppedAttributesCount", reader.GetInt32(18));
        WriteEvents(writer, Text(reader, 19));
        OtlpJsonValues.WriteOptional(writer, "droppedEventsCount", reader.GetInt32(20));
        WriteLinks(writer, Text(reader, 21));
        OtlpJsonValues.WriteOptional(writer, "droppedLinksCount", reader.GetInt32(22));
        writer.WriteStartObject("status");
        writer.WriteNumber("code", reader.GetInt16(15));
        OtlpJsonValues.WriteOptional(writer, "message", Text(reader, 16));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter writer, string? eventsJson)
    {
        if (eventsJson is null)
        {
            return;
        }

        using var events = JsonDocument.Parse(eventsJson);
        writer.WriteStartArray("events");
        foreach (var spanEvent in events.RootElement.EnumerateArray())
        {
            writer.WriteStartObject();
            OtlpJsonValues.WriteNanos(writer, "timeUnixNano", spanEvent.GetProperty("timeUnixNano").GetInt64());
            writer.WriteString("name", spanEvent.GetProperty("name").GetString());
            OtlpJsonValues.WriteAttributes(writer, "attributes", spanEvent.GetProperty("attributes"));
            OtlpJsonValues.WriteOptional(writer, "droppedAttributesCount", Number(spanEvent, "droppedAttributesCount"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLinks(Utf8JsonWriter writer, string? linksJson)
    {
        if (linksJson is null)
        {
            return;
        }

        using var links = JsonDocument.Parse(linksJson);
        writer.WriteStartArray("links");
        foreach (var link in links.RootElement.EnumerateArray())
        {
            writer.WriteStartObject();
            writer.WriteString("traceId", link.GetProperty("traceId").GetString());
            writer.WriteString("spanId", link.GetProperty("spanId").GetString());
            OtlpJsonValues.WriteOptional(writer, "traceState", link.TryGetProperty("traceState", out var state) ? state.GetString() : null);
            OtlpJsonValues.WriteAttributes(writer, "attributes", link.GetProperty("attributes"));
            OtlpJsonValues.WriteOptional(writer, "droppedAttributesCount", Number(link, "droppedAttributesCount"));
            OtlpJsonValues.WriteOptional(writer, "flags", Number(link, "flags"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLog(Utf8JsonWriter writer, NpgsqlDataReader reader)
    {
        writer.WriteStartObject();
        OtlpJsonValues.WriteNanos(writer, "timeUnixNano", reader.GetInt64(6));
        OtlpJsonValues.WriteNanos(writer, "observedTimeUnixNano", reader.GetInt64(7));
        OtlpJsonValues.WriteOptional(writer, "severityNumber", reader.GetInt16(8));
        OtlpJsonValues.WriteOptional(writer, "severityText", Text(reader, 9));
        if (Text(reader, 10) is { } body)
        {
            writer.WriteStartObject("body");
            writer.WriteString("stringValue", body);
            writer.WriteEndObject();
        }

        OtlpJsonValues.WriteAttributes(writer, "attributes", reader.GetString(11));
        OtlpJsonValues.WriteOptional(writer, "droppedAttributesCount", reader.GetInt32(12));
        OtlpJsonValues.WriteId(writer, "traceId", Bytes(reader, 13));
        OtlpJsonValues.WriteId(writer, "spanId", Bytes(reader, 14));
        OtlpJsonValues.WriteOptional(writer, "flags", reader.GetInt32(15));
        OtlpJsonValues.WriteOptional(writer, "eventName", Text(reader, 16));
        writer.WriteEndObject();
    }

    internal static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static byte[]? Bytes(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);

    private static long Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}

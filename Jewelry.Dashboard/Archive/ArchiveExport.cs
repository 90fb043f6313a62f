using System.IO.Compression;
using System.Text.Json;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Stored spans and log records written back as one gzip-compressed OTLP JSON export request
/// (<c>ExportTraceServiceRequest</c> / <c>ExportLogsServiceRequest</c>), grouped by resource and scope as an SDK sends
/// them, so that the dashboard's own OTLP/JSON decoder reads an archive object as it reads an export.
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

    public static Task<(byte[] Content, long Records)> TracesAsync(NpgsqlConnection connection, byte[][] traceIds, CancellationToken cancellationToken) =>
        WriteAsync(connection, SpanColumns, traceIds, "resourceSpans", "scopeSpans", "spans", WriteSpan, cancellationToken);

    public static Task<(byte[] Content, long Records)> LogsAsync(NpgsqlConnection connection, long[] logIds, CancellationToken cancellationToken) =>
        WriteAsync(connection, LogColumns, logIds, "resourceLogs", "scopeLogs", "logRecords", WriteLog, cancellationToken);

    private static async Task<(byte[] Content, long Records)> WriteAsync<TId>(
        NpgsqlConnection connection,
        string sql,
        TId[] ids,
        string resourcesProperty,
        string scopesProperty,
        string recordsProperty,
        Action<Utf8JsonWriter, NpgsqlDataReader> writeRecord,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        using var output = new MemoryStream();
        long records = 0;
        await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        await using (var writer = new Utf8JsonWriter(gzip))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(resourcesProperty);
            long? resource = null;
            string? scope = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var resourceId = reader.GetInt64(0);
                var scopeKey = $"{reader.GetString(3)}\n{Text(reader, 4)}\n{Text(reader, 5)}";
                if (resourceId != resource)
                {
                    if (resource is not null)
                    {
                        EndScope(writer);
                        EndResource(writer);
                    }

                    StartResource(writer, reader, scopesProperty);
                    StartScope(writer, reader, recordsProperty);
                    (resource, scope) = (resourceId, scopeKey);
                }
                else if (scopeKey != scope)
                {
                    EndScope(writer);
                    StartScope(writer, reader, recordsProperty);
                    scope = scopeKey;
                }

                writeRecord(writer, reader);
                records++;
            }

            if (resource is not null)
            {
                EndScope(writer);
                EndResource(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (output.ToArray(), records);
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

    private static void EndScope(Utf8JsonWriter writer)
    {
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

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static byte[]? Bytes(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);

    private static long Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}

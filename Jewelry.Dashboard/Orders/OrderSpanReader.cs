using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Queries;
using Npgsql;

namespace Jewelry.Dashboard.Orders;

/// <summary>Reads <see cref="OrderSpan"/> rows selected with <see cref="Columns"/>.</summary>
internal static class OrderSpanReader
{
    public static string Columns(string alias) =>
        $"{alias}.trace_id, {alias}.span_id, {alias}.parent_span_id, {alias}.service_name, {alias}.name, {alias}.kind, " +
        $"{alias}.start_time_unix_nano, {alias}.end_time_unix_nano, {alias}.status_code, {alias}.status_message, {alias}.attributes::text";

    public static OrderSpan Read(NpgsqlDataReader reader, int offset = 0) => new()
    {
        TraceId = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(offset)),
        SpanId = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(offset + 1)),
        ParentSpanId = reader.IsDBNull(offset + 2) ? null : Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(offset + 2)),
        ServiceName = reader.GetString(offset + 3),
        Name = reader.GetString(offset + 4),
        Kind = (SpanKind)reader.GetInt16(offset + 5),
        StartTimeUnixNano = reader.GetInt64(offset + 6),
        EndTimeUnixNano = reader.GetInt64(offset + 7),
        StatusCode = (SpanStatusCode)reader.GetInt16(offset + 8),
        StatusMessage = reader.IsDBNull(offset + 9) ? null : reader.GetString(offset + 9),
        Attributes = JsonColumn.Parse(reader.GetString(offset + 10)),
    };

    public static async Task<List<OrderSpan>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var spans = new List<OrderSpan>();
        while (await reader.ReadAsync(cancellationToken))
        {
            spans.Add(Read(reader));
        }

        return spans;
    }

    public static DateTimeOffset End(OrderSpan span) => UnixNano.ToDateTimeOffset(span.EndTimeUnixNano);
}

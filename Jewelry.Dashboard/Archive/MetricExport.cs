using System.Globalization;
using System.Text.Json;
using Jewelry.Dashboard.Ingest.Records;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Stored metric points written back as OTLP JSON <c>Metric</c>s, one per name, description, unit, type, temporality
/// and monotonicity within a scope, so that <c>MetricDecoder</c> stores every column as it was: the number of a gauge
/// or sum as <c>asDouble</c> (it is stored as a double), a histogram's and summary's count and sum, and the buckets,
/// bounds, min, max and quantiles of the <c>data</c> column. 64-bit integers are written as strings (the proto3 JSON
/// form) so that counts past 2^53 come back exact; doubles keep their stored text, non-finite ones their string.
/// </summary>
internal static class MetricExport
{
    public static readonly ExportLayout Layout = new(
        """
        SELECT m.resource_id, r.attributes::text, r.dropped_attributes_count, m.scope_name, NULL::text, NULL::text,
               m.metric_name, m.description, m.unit, m.metric_type, m.temporality, m.is_monotonic,
               m.time_unix_nano, m.start_time_unix_nano, m.attributes::text, m.value, m.count, m.data::text, m.flags
        FROM metric_points m JOIN resources r ON r.resource_id = m.resource_id
        WHERE m.point_id = ANY(@ids)
        ORDER BY m.resource_id, m.scope_name, m.metric_name, m.description, m.unit, m.metric_type, m.temporality, m.is_monotonic, m.point_id
        """,
        "resourceMetrics",
        "scopeMetrics",
        "metrics",
        WritePoint)
    {
        GroupKey = reader => string.Join(
            '\n', reader.GetString(6), ArchiveExport.Text(reader, 7) ?? "\0", ArchiveExport.Text(reader, 8) ?? "\0",
            reader.GetInt16(9), reader.GetInt16(10), reader.GetBoolean(11)),
        StartGroup = StartMetric,
        EndGroup = EndMetric,
    };

    private static void StartMetric(Utf8JsonWriter writer, NpgsqlDataReader reader)
    {
        var type = (MetricType)reader.GetInt16(9);
        writer.WriteStartObject();
        writer.WriteString("name", reader.GetString(6));
        OtlpJsonValues.WriteOptional(writer, "description", ArchiveExport.Text(reader, 7));
        OtlpJsonValues.WriteOptional(writer, "unit", ArchiveExport.Text(reader, 8));
        writer.WriteStartObject(type switch
        {
            MetricType.Gauge => "gauge",
            MetricType.Sum => "sum",
            MetricType.Histogram => "histogram",
            MetricType.ExponentialHistogram => "exponentialHistogram",
            MetricType.Summary => "summary",
            _ => throw new InvalidDataException($"metric_points.metric_type {type} is not a metric type this archive knows."),
        });
        if (type is MetricType.Sum or MetricType.Histogram or MetricType.ExponentialHistogram)
        {
            OtlpJsonValues.WriteOptional(writer, "aggregationTemporality", reader.GetInt16(10));
        }

        if (type == MetricType.Sum && reader.GetBoolean(11))
        {
            writer.WriteBoolean("isMonotonic", true);
        }

        writer.WriteStartArray("dataPoints");
    }

    private static void EndMetric(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter writer, NpgsqlDataReader reader)
    {
        var type = (MetricType)reader.GetInt16(9);
        writer.WriteStartObject();
        OtlpJsonValues.WriteAttributes(writer, "attributes", reader.GetString(14));
        OtlpJsonValues.WriteNanos(writer, "startTimeUnixNano", reader.GetInt64(13));
        OtlpJsonValues.WriteNanos(writer, "timeUnixNano", reader.GetInt64(12));
        OtlpJsonValues.WriteOptional(writer, "flags", reader.GetInt32(18));
        double? value = reader.IsDBNull(15) ? null : reader.GetDouble(15);
        if (type is MetricType.Gauge or MetricType.Sum)
        {
            WriteDouble(writer, "asDouble", value);
            writer.WriteEndObject();
            return;
        }

        if (!reader.IsDBNull(16))
        {
            writer.WriteString("count", reader.GetInt64(16).ToString(CultureInfo.InvariantCulture));
        }

        WriteDouble(writer, "sum", value);
        using var data = JsonDocument.Parse(ArchiveExport.Text(reader, 17) ?? "{}");
        var root = data.RootElement;
        switch (type)
        {
            case MetricType.Histogram:
                CopyIntegers(writer, root, "bucketCounts");
                Copy(writer, root, "explicitBounds");
                Copy(writer, root, "min");
                Copy(writer, root, "max");
                break;
            case MetricType.ExponentialHistogram:
                Copy(writer, root, "scale");
                CopyIntegers(writer, root, "zeroCount");
                Copy(writer, root, "zeroThreshold");
                CopyBuckets(writer, root, "positive");
                CopyBuckets(writer, root, "negative");
                Copy(writer, root, "min");
                Copy(writer, root, "max");
                break;
            case MetricType.Summary:
                Copy(writer, root, "quantiles", "quantileValues");
                break;
        }

        writer.WriteEndObject();
    }

    private static void CopyBuckets(Utf8JsonWriter writer, JsonElement data, string name)
    {
        if (data.TryGetProperty(name, out var buckets))
        {
            writer.WriteStartObject(name);
            Copy(writer, buckets, "offset");
            CopyIntegers(writer, buckets, "bucketCounts");
            writer.WriteEndObject();
        }
    }

    private static void Copy(Utf8JsonWriter writer, JsonElement data, string name, string? outputName = null)
    {
        if (data.TryGetProperty(name, out var value))
        {
            writer.WritePropertyName(outputName ?? name);
            value.WriteTo(writer);
        }
    }

    /// <summary>A uint64 or a list of them, as proto3 JSON strings: the OTLP/JSON parser reads JSON numbers as doubles.</summary>
    private static void CopyIntegers(Utf8JsonWriter writer, JsonElement data, string name)
    {
        if (!data.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            writer.WriteString(name, value.GetRawText());
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in value.EnumerateArray())
        {
            writer.WriteStringValue(item.GetRawText());
        }

        writer.WriteEndArray();
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is not { } number)
        {
            return;
        }

        if (double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
        }
    }
}

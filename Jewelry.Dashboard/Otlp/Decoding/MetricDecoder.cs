using System.Text.Json;
using Google.Protobuf.Collections;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Metrics;

namespace Jewelry.Dashboard.Otlp.Decoding;

internal static class MetricDecoder
{
    public static DecodedExport Decode(ExportMetricsServiceRequest request)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Metrics);
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ResourceDecoder.Decode(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = ResourceDecoder.DecodeScope(scopeMetrics.Scope);
                foreach (var metric in scopeMetrics.Metrics)
                {
                    var point = new PointFactory(resource, scope, metric);
                    batch.MetricPoints.AddRange(Decode(metric, point));
                }
            }
        }

        return new DecodedExport(batch, 0, null);
    }

    private static IEnumerable<MetricPointRecord> Decode(Metric metric, PointFactory point) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => point.Number(MetricType.Gauge, p, 0, false)),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p =>
            point.Number(MetricType.Sum, p, (short)metric.Sum.AggregationTemporality, metric.Sum.IsMonotonic)),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p =>
            point.Histogram(p, (short)metric.Histogram.AggregationTemporality)),
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(p =>
            point.ExponentialHistogram(p, (short)metric.ExponentialHistogram.AggregationTemporality)),
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(point.Summary),
        _ => [],
    };

    private sealed class PointFactory(ResourceRecord resource, ScopeRecord scope, Metric metric)
    {
        private readonly string _name = PostgresText.Sanitize(metric.Name);
        private readonly string? _description = PostgresText.SanitizeOrNull(metric.Description);
        private readonly string? _unit = PostgresText.SanitizeOrNull(metric.Unit);

        public MetricPointRecord Number(MetricType type, NumberDataPoint point, short temporality, bool isMonotonic) =>
            Create(type, point.Attributes, point.TimeUnixNano, point.StartTimeUnixNano, point.Flags) with
            {
                Temporality = temporality,
                IsMonotonic = isMonotonic,
                Value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
            };

        public MetricPointRecord Histogram(HistogramDataPoint point, short temporality) =>
            Create(MetricType.Histogram, point.Attributes, point.TimeUnixNano, point.StartTimeUnixNano, point.Flags) with
            {
                Temporality = temporality,
                Value = point.HasSum ? point.Sum : null,
                Count = (long)point.Count,
                DataJson = AttributeJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    WriteArray(writer, "bucketCounts", point.BucketCounts, (w, v) => w.WriteNumberValue(v));
                    WriteArray(writer, "explicitBounds", point.ExplicitBounds, WriteDouble);
                    WriteOptional(writer, "min", point.HasMin, point.Min);
                    WriteOptional(writer, "max", point.HasMax, point.Max);
                    writer.WriteEndObject();
                }),
            };

        public MetricPointRecord ExponentialHistogram(ExponentialHistogramDataPoint point, short temporality) =>
            Create(MetricType.ExponentialHistogram, point.Attributes, point.TimeUnixNano, point.StartTimeUnixNano, point.Flags) with
            {
                Temporality = temporality,
                Value = point.HasSum ? point.Sum : null,
                Count = (long)point.Count,
                DataJson = AttributeJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("scale", point.Scale);
                    writer.WriteNumber("zeroCount", point.ZeroCount);
                    writer.WritePropertyName("zeroThreshold");
                    WriteDouble(writer, point.ZeroThreshold);
                    WriteBuckets(writer, "positive", point.Positive);
                    WriteBuckets(writer, "negative", point.Negative);
                    WriteOptional(writer, "min", point.HasMin, point.Min);
                    WriteOptional(writer, "max", point.HasMax, point.Max);
                    writer.WriteEndObject();
                }),
            };

        public MetricPointRecord Summary(SummaryDataPoint point) =>
            Create(MetricType.Summary, point.Attributes, point.TimeUnixNano, point.StartTimeUnixNano, point.Flags) with
            {
                Value = point.Sum,
                Count = (long)point.Count,
                DataJson = AttributeJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("quantiles");
                    foreach (var quantile in point.QuantileValues)
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName("quantile");
                        WriteDouble(writer, quantile.Quantile);
                        writer.WritePropertyName("value");
                        WriteDouble(writer, quantile.Value);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }),
            };

        private MetricPointRecord Create(MetricType type, RepeatedField<KeyValue> attributes, ulong time, ulong start, uint flags) => new()
        {
            TimeUnixNano = (long)time,
            StartTimeUnixNano = (long)start,
            Resource = resource,
            Scope = scope,
            MetricName = _name,
            Description = _description,
            Unit = _unit,
            Type = type,
            AttributesJson = AttributeJson.Write(attributes),
            Flags = (int)flags,
        };

        private static void WriteBuckets(Utf8JsonWriter writer, string name, ExponentialHistogramDataPoint.Types.Buckets? buckets)
        {
            if (buckets is null)
            {
                return;
            }

            writer.WriteStartObject(name);
            writer.WriteNumber("offset", buckets.Offset);
            WriteArray(writer, "bucketCounts", buckets.BucketCounts, (w, v) => w.WriteNumberValue(v));
            writer.WriteEndObject();
        }

        private static void WriteArray<T>(Utf8JsonWriter writer, string name, RepeatedField<T> values, Action<Utf8JsonWriter, T> write)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                write(writer, value);
            }

            writer.WriteEndArray();
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, bool present, double value)
        {
            if (present)
            {
                writer.WritePropertyName(name);
                WriteDouble(writer, value);
            }
        }

        private static void WriteDouble(Utf8JsonWriter writer, double value)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}

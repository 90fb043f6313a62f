using System.Text.Json;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Dashboard.Otlp.Decoding;

internal static class TraceDecoder
{
    public static DecodedExport Decode(ExportTraceServiceRequest request)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Traces);
        long rejected = 0;
        string? reason = null;

        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ResourceDecoder.Decode(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = ResourceDecoder.DecodeScope(scopeSpans.Scope);
                foreach (var span in scopeSpans.Spans)
                {
                    if (!OtlpIds.IsValidTraceId(span.TraceId) || !OtlpIds.IsValidSpanId(span.SpanId))
                    {
                        rejected++;
                        reason ??= $"Span '{span.Name}' has an invalid trace id or span id (16 and 8 bytes, not all zero).";
                        continue;
                    }

                    if (OverlongOrderId(span) is { } length)
                    {
                        rejected++;
                        reason ??= $"Span '{span.Name}' has an {HopClassification.OrderIdAttribute} of {length} characters; an order id has at most {OrderIds.MaxLength}.";
                        continue;
                    }

                    var record = DecodeSpan(span, resource, scope);
                    _ = record.Facts;
                    batch.Spans.Add(record);
                }
            }
        }

        return new DecodedExport(batch, rejected, reason);
    }

    /// <summary>The length of the span's order id when no order has one that long (it would be no order's span).</summary>
    private static int? OverlongOrderId(Span span)
    {
        foreach (var attribute in span.Attributes)
        {
            if (attribute.Key == HopClassification.OrderIdAttribute && attribute.Value?.StringValue is { Length: > OrderIds.MaxLength } orderId)
            {
                return orderId.Length;
            }
        }

        return null;
    }

    private static SpanRecord DecodeSpan(Span span, ResourceRecord resource, ScopeRecord scope)
    {
        var start = (long)span.StartTimeUnixNano;
        return new SpanRecord
        {
            TraceId = span.TraceId.ToByteArray(),
            SpanId = span.SpanId.ToByteArray(),
            ParentSpanId = OtlpIds.Optional(span.ParentSpanId, OtlpIds.SpanIdLength),
            TraceState = PostgresText.SanitizeOrNull(span.TraceState),
            Flags = (int)span.Flags,
            Resource = resource,
            Scope = scope,
            Name = PostgresText.Sanitize(span.Name),
            Kind = (short)span.Kind,
            StartTimeUnixNano = start,
            EndTimeUnixNano = Math.Max(start, (long)span.EndTimeUnixNano),
            StatusCode = (short)(span.Status?.Code ?? Status.Types.StatusCode.Unset),
            StatusMessage = span.Status is null ? null : PostgresText.SanitizeOrNull(span.Status.Message),
            AttributesJson = AttributeJson.Write(span.Attributes),
            DroppedAttributesCount = (int)span.DroppedAttributesCount,
            EventsJson = span.Events.Count == 0 ? null : AttributeJson.Write(writer => WriteEvents(writer, span)),
            DroppedEventsCount = (int)span.DroppedEventsCount,
            LinksJson = span.Links.Count == 0 ? null : AttributeJson.Write(writer => WriteLinks(writer, span)),
            DroppedLinksCount = (int)span.DroppedLinksCount,
        };
    }

    private static void WriteEvents(Utf8JsonWriter writer, Span span)
    {
        writer.WriteStartArray();
        foreach (var spanEvent in span.Events)
        {
            writer.WriteStartObject();
            writer.WriteNumber("timeUnixNano", (long)spanEvent.TimeUnixNano);
            writer.WriteString("name", PostgresText.Sanitize(spanEvent.Name));
            writer.WritePropertyName("attributes");
            AttributeJson.WriteObject(writer, spanEvent.Attributes);
            if (spanEvent.DroppedAttributesCount > 0)
            {
                writer.WriteNumber("droppedAttributesCount", spanEvent.DroppedAttributesCount);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLinks(Utf8JsonWriter writer, Span span)
    {
        writer.WriteStartArray();
        foreach (var link in span.Links)
        {
            writer.WriteStartObject();
            writer.WriteString("traceId", Convert.ToHexStringLower(link.TraceId.Span));
            writer.WriteString("spanId", Convert.ToHexStringLower(link.SpanId.Span));
            if (link.TraceState.Length > 0)
            {
                writer.WriteString("traceState", PostgresText.Sanitize(link.TraceState));
            }

            writer.WritePropertyName("attributes");
            AttributeJson.WriteObject(writer, link.Attributes);
            if (link.DroppedAttributesCount > 0)
            {
                writer.WriteNumber("droppedAttributesCount", link.DroppedAttributesCount);
            }

            if (link.Flags != 0)
            {
                writer.WriteNumber("flags", link.Flags);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

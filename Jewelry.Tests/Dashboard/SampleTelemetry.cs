using System.Security.Cryptography;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Logs;
using Jewelry.Dashboard.Otlp.Proto.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Resource;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Hand-built OTLP, as any SDK (not only .NET) may send it: two services, every span kind, status, events,
/// links, scope attributes and every attribute value type, arrays and maps included.
/// </summary>
internal static class SampleTelemetry
{
    public static byte[] NewTraceId() => RandomNumberGenerator.GetBytes(16);

    public static byte[] NewSpanId() => RandomNumberGenerator.GetBytes(8);

    public static string Hex(byte[] id) => Convert.ToHexStringLower(id);

    /// <summary>A shop-to-CRM order trace of 4 spans: shop SERVER root, shop CLIENT, CRM SERVER (error), CRM PRODUCER.</summary>
    public static ExportTraceServiceRequest OrderTrace(
        byte[] traceId, string orderId, string shopService = "shop-api", string crmService = "crm-api", DateTimeOffset? start = null, long durationMs = 250)
    {
        var t0 = (ulong)((start ?? DateTimeOffset.UtcNow.AddSeconds(-5)).ToUnixTimeMilliseconds() * 1_000_000);
        var ms = 1_000_000UL;
        var root = NewSpanId();
        var client = NewSpanId();
        var crm = NewSpanId();
        var producer = NewSpanId();
        var linkedTrace = NewTraceId();
        var linkedSpan = NewSpanId();

        var shopSpans = new ScopeSpans { Scope = Scope("Jewelry.ShopApi", "1.2.3", withAttributes: true) };
        shopSpans.Spans.Add(NewSpan(traceId, root, null, "POST /orders/{id}/submit", Span.Types.SpanKind.Server, t0, t0 + ((ulong)durationMs * ms), span =>
        {
            span.Attributes.Add(Attr("order.id", orderId));
            span.Attributes.Add(Attr("http.request.method", "POST"));
            span.Attributes.Add(Attr("http.route", "/orders/{id}/submit"));
            span.Attributes.Add(new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 202 } });
            span.Attributes.Add(new KeyValue { Key = "order.total", Value = new AnyValue { DoubleValue = 1234.5 } });
            span.Attributes.Add(new KeyValue { Key = "order.express", Value = new AnyValue { BoolValue = true } });
            span.Attributes.Add(new KeyValue { Key = "order.checksum", Value = new AnyValue { BytesValue = ByteString.CopyFrom(1, 2, 3, 254) } });
            span.Attributes.Add(new KeyValue
            {
                Key = "order.stages",
                Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "SUBMITTED" }, new AnyValue { IntValue = 3 }, new AnyValue { BoolValue = false } } } },
            });
            span.Attributes.Add(new KeyValue
            {
                Key = "order.customer",
                Value = new AnyValue { KvlistValue = new KeyValueList { Values = { Attr("user.id", "u-17"), new KeyValue { Key = "tier", Value = new AnyValue { IntValue = 2 } } } } },
            });
            span.Events.Add(new Span.Types.Event { Name = "order.validated", TimeUnixNano = t0 + (5 * ms), Attributes = { Attr("order.status", "SUBMITTED") } });
            span.Links.Add(new Span.Types.Link { TraceId = ByteString.CopyFrom(linkedTrace), SpanId = ByteString.CopyFrom(linkedSpan), TraceState = "vendor=1", Attributes = { Attr("link.kind", "follows") } });
            span.Status = new Status { Code = Status.Types.StatusCode.Ok };
            span.TraceState = "congo=t61rcWkgMzE";
            span.Flags = 0x101;
        }));
        shopSpans.Spans.Add(NewSpan(traceId, client, root, "POST crm-api/price-requests", Span.Types.SpanKind.Client, t0 + (10 * ms), t0 + (200 * ms), span =>
        {
            span.Attributes.Add(Attr("order.id", orderId));
            span.Attributes.Add(Attr("url.full", "http://crm-api/price-requests"));
        }));

        var crmSpans = new ScopeSpans { Scope = Scope("Jewelry.CrmApi", "0.9") };
        crmSpans.Spans.Add(NewSpan(traceId, crm, client, "POST /price-requests", Span.Types.SpanKind.Server, t0 + (20 * ms), t0 + (190 * ms), span =>
        {
            span.Attributes.Add(Attr("order.id", orderId));
            span.Attributes.Add(Attr("error.type", "PriceUnavailable"));
            span.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "MES did not answer" };
            span.Events.Add(new Span.Types.Event
            {
                Name = "exception",
                TimeUnixNano = t0 + (180 * ms),
                Attributes = { Attr("exception.type", "TimeoutException"), Attr("exception.message", "MES did not answer") },
                DroppedAttributesCount = 1,
            });
            span.DroppedAttributesCount = 2;
        }));
        crmSpans.Spans.Add(NewSpan(traceId, producer, crm, "price-requests publish", Span.Types.SpanKind.Producer, t0 + (30 * ms), t0 + (40 * ms), span =>
        {
            span.Attributes.Add(Attr("order.id", orderId));
            span.Attributes.Add(Attr("messaging.system", "rabbitmq"));
            span.Attributes.Add(Attr("messaging.operation.type", "send"));
        }));

        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(new ResourceSpans { Resource = ServiceResource(shopService), ScopeSpans = { shopSpans } });
        request.ResourceSpans.Add(new ResourceSpans { Resource = ServiceResource(crmService), ScopeSpans = { crmSpans } });
        return request;
    }

    /// <summary>A trace of <paramref name="spanCount"/> spans in one service: a root and a chain of children.</summary>
    public static ExportTraceServiceRequest WideTrace(byte[] traceId, string service, int spanCount, DateTimeOffset start, string? orderId = null)
    {
        var t0 = (ulong)(start.ToUnixTimeMilliseconds() * 1_000_000);
        var scope = new ScopeSpans { Scope = Scope("bench", "1") };
        var root = NewSpanId();
        scope.Spans.Add(NewSpan(traceId, root, null, "root", Span.Types.SpanKind.Server, t0, t0 + ((ulong)spanCount * 1_000_000), span =>
        {
            if (orderId is not null)
            {
                span.Attributes.Add(Attr("order.id", orderId));
            }
        }));
        for (var i = 1; i < spanCount; i++)
        {
            var offset = (ulong)i * 1_000_000;
            scope.Spans.Add(NewSpan(traceId, NewSpanId(), root, "step " + i, Span.Types.SpanKind.Internal, t0 + offset, t0 + offset + 500_000, span =>
                span.Attributes.Add(new KeyValue { Key = "step", Value = new AnyValue { IntValue = i } })));
        }

        return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { Resource = ServiceResource(service), ScopeSpans = { scope } } } };
    }

    public static ExportLogsServiceRequest Logs(string service, byte[] traceId, byte[] spanId, string orderId, string message)
    {
        var now = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        var scope = new ScopeLogs { Scope = Scope("Jewelry.Orders", "1") };
        scope.LogRecords.Add(new LogRecord
        {
            TimeUnixNano = now,
            ObservedTimeUnixNano = now,
            SeverityNumber = 17,
            SeverityText = "Error",
            Body = new AnyValue { StringValue = message },
            Attributes = { Attr("order.id", orderId), Attr("{OriginalFormat}", "Order {order.id} failed") },
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Flags = 1,
        });
        scope.LogRecords.Add(new LogRecord
        {
            TimeUnixNano = now - 1_000_000,
            SeverityNumber = 9,
            Body = new AnyValue { StringValue = "Order received " + orderId },
            Attributes = { Attr("order.id", orderId) },
        });
        return new ExportLogsServiceRequest { ResourceLogs = { new ResourceLogs { Resource = ServiceResource(service), ScopeLogs = { scope } } } };
    }

    public static ExportMetricsServiceRequest Metrics(string service)
    {
        var now = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        var scope = new ScopeMetrics { Scope = Scope("Jewelry.Orders", "1") };
        scope.Metrics.Add(new Metric
        {
            Name = "orders.submitted",
            Unit = "{order}",
            Sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative, DataPoints = { new NumberDataPoint { AsInt = 7, TimeUnixNano = now, StartTimeUnixNano = now - 1_000_000_000 } } },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "http.server.request.duration",
            Unit = "s",
            Histogram = new Histogram
            {
                AggregationTemporality = AggregationTemporality.Cumulative,
                DataPoints = { new HistogramDataPoint { Count = 3, Sum = 0.6, BucketCounts = { 1, 2, 0 }, ExplicitBounds = { 0.1, 0.5 }, TimeUnixNano = now, Attributes = { Attr("http.route", "/orders") } } },
            },
        });
        scope.Metrics.Add(new Metric { Name = "queue.depth", Gauge = new Gauge { DataPoints = { new NumberDataPoint { AsDouble = 4.5, TimeUnixNano = now } } } });
        return new ExportMetricsServiceRequest { ResourceMetrics = { new ResourceMetrics { Resource = ServiceResource(service), ScopeMetrics = { scope } } } };
    }

    public static Resource ServiceResource(string service) => new()
    {
        Attributes =
        {
            Attr("service.name", service),
            Attr("service.version", "1.0.0"),
            Attr("service.instance.id", service + "-1"),
            Attr("telemetry.sdk.language", "go"),
        },
    };

    public static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static InstrumentationScope Scope(string name, string version, bool withAttributes = false)
    {
        var scope = new InstrumentationScope { Name = name, Version = version };
        if (withAttributes)
        {
            scope.Attributes.Add(Attr("scope.owner", "orders-team"));
        }

        return scope;
    }

    private static Span NewSpan(byte[] traceId, byte[] spanId, byte[]? parent, string name, Span.Types.SpanKind kind, ulong start, ulong end, Action<Span> configure)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            ParentSpanId = parent is null ? ByteString.Empty : ByteString.CopyFrom(parent),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = start,
            EndTimeUnixNano = end,
        };
        configure(span);
        return span;
    }
}

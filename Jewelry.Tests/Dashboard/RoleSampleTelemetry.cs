using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>Traces for the role tests: one with spans of an order and internal spans without, one with no order at all.</summary>
internal static class RoleSampleTelemetry
{
    /// <summary>
    /// shop-api root (order.id) → mes-api internal span, an error, without order.id → crm-api span (order.id).
    /// Support sees 2 of the 3 spans, no error, and the services shop-api and crm-api.
    /// </summary>
    public static ExportTraceServiceRequest MixedTrace(byte[] traceId, string orderId)
    {
        var t0 = (ulong)(DateTimeOffset.UtcNow.AddSeconds(-3).ToUnixTimeMilliseconds() * 1_000_000);
        const ulong ms = 1_000_000;
        var root = SampleTelemetry.NewSpanId();
        var internalSpan = SampleTelemetry.NewSpanId();
        var crm = SampleTelemetry.NewSpanId();

        var shop = NewSpan(traceId, root, null, "POST /orders/{id}/approve", Span.Types.SpanKind.Server, t0, t0 + (100 * ms));
        shop.Attributes.Add(SampleTelemetry.Attr("order.id", orderId));
        var mes = NewSpan(traceId, internalSpan, root, "recalculate machine schedule", Span.Types.SpanKind.Internal, t0 + (150 * ms), t0 + (400 * ms));
        mes.Attributes.Add(SampleTelemetry.Attr("mes.machine", "caster-2"));
        mes.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "schedule conflict" };
        var crmSpan = NewSpan(traceId, crm, root, "approval publish", Span.Types.SpanKind.Producer, t0 + (10 * ms), t0 + (20 * ms));
        crmSpan.Attributes.Add(SampleTelemetry.Attr("order.id", orderId));

        return new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans { Resource = SampleTelemetry.ServiceResource("shop-api"), ScopeSpans = { new ScopeSpans { Spans = { shop } } } },
                new ResourceSpans { Resource = SampleTelemetry.ServiceResource("mes-api"), ScopeSpans = { new ScopeSpans { Spans = { mes } } } },
                new ResourceSpans { Resource = SampleTelemetry.ServiceResource("crm-api"), ScopeSpans = { new ScopeSpans { Spans = { crmSpan } } } },
            },
        };
    }

    /// <summary>Two mes-api spans of a health probe: nothing of an order.</summary>
    public static ExportTraceServiceRequest TraceWithoutOrder(byte[] traceId)
    {
        var t0 = (ulong)(DateTimeOffset.UtcNow.AddSeconds(-3).ToUnixTimeMilliseconds() * 1_000_000);
        var root = SampleTelemetry.NewSpanId();
        var probe = NewSpan(traceId, root, null, "GET /health", Span.Types.SpanKind.Server, t0, t0 + 5_000_000);
        var query = NewSpan(traceId, SampleTelemetry.NewSpanId(), root, "SELECT 1", Span.Types.SpanKind.Client, t0 + 1_000_000, t0 + 2_000_000);
        query.Attributes.Add(SampleTelemetry.Attr("db.system.name", "postgresql"));
        return new ExportTraceServiceRequest
        {
            ResourceSpans = { new ResourceSpans { Resource = SampleTelemetry.ServiceResource("mes-api"), ScopeSpans = { new ScopeSpans { Spans = { probe, query } } } } },
        };
    }

    /// <summary>Sends a trace over OTLP/HTTP and waits until the developer sees all its spans stored.</summary>
    public static async Task SendAsync(DashboardFixture fixture, ExportTraceServiceRequest request, int spanCount)
    {
        using (var otlp = new OtlpTestClient(fixture.Dashboard))
        {
            using var response = await otlp.PostProtobufAsync("/v1/traces", request);
            response.EnsureSuccessStatusCode();
        }

        var traceId = SampleTelemetry.Hex(request.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.ToByteArray());
        (await fixture.Api.WaitForTraceAsync(traceId, spanCount)).Dispose();
    }

    private static Span NewSpan(byte[] traceId, byte[] spanId, byte[]? parent, string name, Span.Types.SpanKind kind, ulong start, ulong end) => new()
    {
        TraceId = ByteString.CopyFrom(traceId),
        SpanId = ByteString.CopyFrom(spanId),
        ParentSpanId = parent is null ? ByteString.Empty : ByteString.CopyFrom(parent),
        Name = name,
        Kind = kind,
        StartTimeUnixNano = start,
        EndTimeUnixNano = end,
    };
}

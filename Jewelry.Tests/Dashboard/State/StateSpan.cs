using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Npgsql;

namespace Jewelry.Tests.Dashboard.State;

/// <summary>Single spans of an order at chosen times, written straight through the dashboard's writer.</summary>
internal static class StateSpan
{
    private static readonly ResourceRecord s_resource = new(21, "crm-api", null, """{"service.name":"crm-api"}""", 0);
    private static readonly ScopeRecord s_scope = new("Jewelry.Tests.State", null, null);

    public static SpanRecord Transition(string orderId, string? to, DateTimeOffset at, bool failed = false) => Span(
        $"order.transition -> {to}",
        at,
        to is null ? $$"""{"{{HopClassification.OrderIdAttribute}}": "{{orderId}}"}""" : $$"""{"{{HopClassification.OrderIdAttribute}}": "{{orderId}}", "{{HopClassification.StatusToAttribute}}": "{{to}}"}""",
        failed);

    public static SpanRecord Hop(string orderId, string name, DateTimeOffset at) =>
        Span(name, at, $$"""{"{{HopClassification.OrderIdAttribute}}": "{{orderId}}", "http.request.method": "POST"}""", failed: false, kind: 2);

    public static async Task WriteAsync(NpgsqlDataSource store, params SpanRecord[] spans)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Traces);
        batch.Spans.AddRange(spans);
        await new TelemetryWriter(store).WriteAsync([batch], TestContext.Current.CancellationToken);
    }

    private static SpanRecord Span(string name, DateTimeOffset at, string attributes, bool failed, short kind = 1)
    {
        var end = UnixNano.FromDateTimeOffset(at);
        return new SpanRecord
        {
            TraceId = SampleTelemetry.NewTraceId(),
            SpanId = SampleTelemetry.NewSpanId(),
            Resource = s_resource,
            Scope = s_scope,
            Name = name,
            Kind = kind,
            StartTimeUnixNano = end - 2_000_000,
            EndTimeUnixNano = end,
            StatusCode = (short)(failed ? 2 : 0),
            StatusMessage = failed ? "refused" : null,
            AttributesJson = attributes,
        };
    }
}

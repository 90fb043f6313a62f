using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Builds the spans of orders as the services emit them, at chosen times: <c>order.transition</c> spans that end
/// when the order entered a status, and hops (HTTP, queue, database, store) that carry <c>order.id</c>.
/// One trace per order, so the test can wait until every span is stored.
/// </summary>
internal sealed class StageTelemetry(string service, DateTimeOffset origin)
{
    private readonly ScopeSpans _spans = new() { Scope = new InstrumentationScope { Name = "Jewelry.Tests.Stages", Version = "1" } };
    private readonly Dictionary<string, int> _spanCounts = new(StringComparer.Ordinal);

    /// <summary>Spans per trace (hex id), to wait for.</summary>
    public IReadOnlyDictionary<string, int> SpanCounts => _spanCounts;

    public static StageOrder NewOrder() => new(Guid.NewGuid().ToString(), SampleTelemetry.NewTraceId());

    /// <summary>The order entered <paramref name="to"/> at origin + <paramref name="atSeconds"/> (or failed to, when <paramref name="failed"/>); returns the span id.</summary>
    public string Transition(StageOrder order, string from, string to, double atSeconds, bool failed = false)
    {
        var end = At(atSeconds);
        return Add(order.TraceId, $"order.transition {from} -> {to}", Span.Types.SpanKind.Internal, end - 5_000_000, end, failed,
            SampleTelemetry.Attr("order.id", order.Id),
            SampleTelemetry.Attr("order.status.from", from),
            SampleTelemetry.Attr("order.status.to", to));
    }

    /// <summary>A hop of the order that ends at origin + <paramref name="endSeconds"/> and took <paramref name="durationMs"/>.</summary>
    public string Hop(StageOrder? order, string name, Span.Types.SpanKind kind, double endSeconds, double durationMs, bool failed, params KeyValue[] attributes)
    {
        var end = At(endSeconds);
        var traceId = order?.TraceId ?? SampleTelemetry.NewTraceId();
        var all = order is null ? attributes : [SampleTelemetry.Attr("order.id", order.Id), .. attributes];
        return Add(traceId, name, kind, end - (ulong)Math.Round(durationMs * 1_000_000), end, failed, all);
    }

    public ExportTraceServiceRequest ToRequest() => new()
    {
        ResourceSpans = { new ResourceSpans { Resource = SampleTelemetry.ServiceResource(service), ScopeSpans = { _spans } } },
    };

    private ulong At(double seconds) => (ulong)((origin.ToUnixTimeMilliseconds() * 1_000_000) + (long)Math.Round(seconds * 1_000_000_000));

    private string Add(byte[] traceId, string name, Span.Types.SpanKind kind, ulong start, ulong end, bool failed, params KeyValue[] attributes)
    {
        var spanId = SampleTelemetry.NewSpanId();
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = start,
            EndTimeUnixNano = end,
            Status = new Status { Code = failed ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset, Message = failed ? "failed on purpose" : string.Empty },
        };
        span.Attributes.AddRange(attributes);
        _spans.Spans.Add(span);
        var hex = SampleTelemetry.Hex(traceId);
        _spanCounts[hex] = _spanCounts.GetValueOrDefault(hex) + 1;
        return SampleTelemetry.Hex(spanId);
    }
}

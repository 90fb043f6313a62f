using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Export requests generated and encoded before anything is timed, so neither the dashboard's rate nor the raw-COPY
/// limit includes the generator: the dashboard is sent these bytes, and the limit decodes the same bytes into rows.
/// </summary>
internal sealed class EncodedRequests
{
    private EncodedRequests(List<byte[]> bodies, List<int> spanCounts, long attributes)
    {
        Bodies = bodies;
        SpanCounts = spanCounts;
        Spans = spanCounts.Sum(count => (long)count);
        var spans = Spans;
        AttributesPerSpan = spans == 0 ? 0 : (double)attributes / spans;
        BytesPerSpan = spans == 0 ? 0 : (double)bodies.Sum(body => (long)body.Length) / spans;
    }

    public List<byte[]> Bodies { get; }

    /// <summary>The spans of each request.</summary>
    public List<int> SpanCounts { get; }

    public long Spans { get; }

    public double AttributesPerSpan { get; }

    public double BytesPerSpan { get; }

    /// <summary>The whole traces of <paramref name="orders"/> orders from <paramref name="firstOrder"/> on, <paramref name="ordersPerRequest"/> to a request, after <paramref name="extra"/>.</summary>
    public static EncodedRequests Generate(long firstOrder, long orders, int ordersPerRequest, int spansPerTrace, OrderSchedule schedule, params ExportTraceServiceRequest[] extra)
    {
        var count = (int)((orders + ordersPerRequest - 1) / ordersPerRequest);
        var generated = new (byte[] Body, int Spans, long Attributes)[count];
        Parallel.For(0, count, request =>
        {
            var first = firstOrder + ((long)request * ordersPerRequest);
            var message = SpanGenerator.Request(first, (int)Math.Min(ordersPerRequest, firstOrder + orders - first), spansPerTrace, schedule);
            generated[request] = Measure(message);
        });

        var all = extra.Select(Measure).Concat(generated).ToList();
        return new EncodedRequests([.. all.Select(r => r.Body)], [.. all.Select(r => r.Spans)], all.Sum(r => r.Attributes));
    }

    private static (byte[] Body, int Spans, long Attributes) Measure(ExportTraceServiceRequest request)
    {
        var spans = request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).ToList();
        return (request.ToByteArray(), spans.Count, spans.Sum(span => (long)span.Attributes.Count));
    }
}

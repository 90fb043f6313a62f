using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Export requests generated and encoded before anything is timed, so neither the dashboard's rate nor the raw-COPY
/// limit includes the generator: the dashboard is sent these bytes, and the limit decodes the same bytes into rows.
/// The spans of all orders go out in the order they ended, as exporters send them, so the store's pages hold a
/// stretch of time each (as in production) rather than whole orders.
/// </summary>
internal sealed class EncodedRequests
{
    private EncodedRequests(List<byte[]> bodies, List<int> spanCounts, long attributes)
    {
        Bodies = bodies;
        SpanCounts = spanCounts;
        Spans = spanCounts.Sum(count => (long)count);
        AttributesPerSpan = Spans == 0 ? 0 : (double)attributes / Spans;
        BytesPerSpan = Spans == 0 ? 0 : (double)bodies.Sum(body => (long)body.Length) / Spans;
    }

    public List<byte[]> Bodies { get; }

    /// <summary>The spans of each request.</summary>
    public List<int> SpanCounts { get; }

    public long Spans { get; }

    public double AttributesPerSpan { get; }

    public double BytesPerSpan { get; }

    /// <summary>The spans of <paramref name="orders"/> orders from <paramref name="firstOrder"/> on, by end time, <paramref name="spansPerRequest"/> to a request, after <paramref name="first"/>.</summary>
    public static EncodedRequests Generate(long firstOrder, long orders, int spansPerRequest, int spansPerTrace, OrderSchedule schedule, params ExportTraceServiceRequest[] first)
    {
        const int OrdersPerChunk = 1_000;
        var chunks = (int)((orders + OrdersPerChunk - 1) / OrdersPerChunk);
        var generated = new List<(int Service, Span Span)>[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var from = firstOrder + ((long)chunk * OrdersPerChunk);
            var scopes = SpanGenerator.Request(from, (int)Math.Min(OrdersPerChunk, firstOrder + orders - from), spansPerTrace, schedule)
                .ResourceSpans.Select(r => r.ScopeSpans[0]).ToArray();
            generated[chunk] = [.. scopes.SelectMany((scope, service) => scope.Spans.Select(span => (service, span)))];
        });

        var spans = generated.SelectMany(chunk => chunk).OrderBy(s => s.Span.EndTimeUnixNano).ToList();
        var requests = (spans.Count + spansPerRequest - 1) / spansPerRequest;
        var encoded = new (byte[] Body, int Spans, long Attributes)[requests];
        Parallel.For(0, requests, request =>
        {
            var scopes = SpanGenerator.Scopes();
            foreach (var (service, span) in spans.Skip(request * spansPerRequest).Take(spansPerRequest))
            {
                scopes[service].Spans.Add(span);
            }

            encoded[request] = Measure(SpanGenerator.Wrap(scopes));
        });

        var all = first.Select(Measure).Concat(encoded).ToList();
        return new EncodedRequests([.. all.Select(r => r.Body)], [.. all.Select(r => r.Spans)], all.Sum(r => r.Attributes));
    }

    private static (byte[] Body, int Spans, long Attributes) Measure(ExportTraceServiceRequest request)
    {
        var spans = request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).ToList();
        return (request.ToByteArray(), spans.Count, spans.Sum(span => (long)span.Attributes.Count));
    }
}

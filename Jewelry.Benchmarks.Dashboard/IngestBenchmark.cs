using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Jewelry.Dashboard.Otlp.Proto.Resource;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Several exporters send OTLP/HTTP protobuf as fast as the dashboard accepts it (a 503 means "queue full,
/// retry", as for a real exporter); the rate is spans stored per second, measured until the last one is written.
/// </summary>
internal sealed class IngestBenchmark(BenchmarkOptions options, DashboardServer dashboard, BenchmarkReport report)
{
    public const string BigTraceOrderId = "ORD-BIG";
    public static readonly byte[] BigTraceId = Convert.FromHexString("0000000000000000000000000000b16e");

    private static readonly string[] _bigTraceServices = ["shop-api", "crm-api", "mes-api"];
    private long _nextRequest = -1;
    private long _rejected;

    public async Task RunAsync()
    {
        var tracesPerRequest = Math.Max(1, options.SpansPerRequest / options.SpansPerTrace);
        var traces = (options.Spans - BenchmarkOptions.BigTraceSpans) / options.SpansPerTrace;
        var requests = (traces + tracesPerRequest - 1) / tracesPerRequest;
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        report.Traces = traces + 1;
        Console.Error.WriteLine($"Ingesting {options.Spans:N0} spans ({traces:N0} traces of {options.SpansPerTrace}, one of {BenchmarkOptions.BigTraceSpans}) with {options.Senders} senders...");

        using var http = new HttpClient { BaseAddress = dashboard.OtlpHttpUrl, Timeout = TimeSpan.FromMinutes(1) };
        var expected = (long)traces * options.SpansPerTrace + BenchmarkOptions.BigTraceSpans;
        var stopwatch = Stopwatch.StartNew();
        using var progress = new Timer(_ => Progress(stopwatch), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        await SendAsync(http, BigTrace(start.AddMinutes(30)));
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(_ => Task.Run(async () =>
        {
            long request;
            while ((request = Interlocked.Increment(ref _nextRequest)) < requests)
            {
                var first = request * tracesPerRequest;
                var count = (int)Math.Min(tracesPerRequest, traces - first);
                await SendAsync(http, SpanGenerator.Request(first, count, options.SpansPerTrace, start));
            }
        })));
        var accepted = stopwatch.Elapsed;

        long written;
        while ((written = await dashboard.WrittenSpansAsync()) < expected)
        {
            await Task.Delay(50);
        }

        stopwatch.Stop();
        report.IngestedSpans = written;
        report.IngestDuration = stopwatch.Elapsed;
        report.AcceptDuration = accepted;
        report.RejectedRequests = _rejected;
    }

    private void Progress(Stopwatch stopwatch)
    {
        try
        {
            var written = dashboard.WrittenSpansAsync().GetAwaiter().GetResult();
            Console.Error.WriteLine($"  {stopwatch.Elapsed.TotalSeconds,6:0}s  {written,12:N0} spans written  ({written / stopwatch.Elapsed.TotalSeconds:N0}/s)");
        }
        catch (HttpRequestException)
        {
            // Progress only.
        }
    }

    private async Task SendAsync(HttpClient http, ExportTraceServiceRequest request)
    {
        var body = request.ToByteArray();
        while (true)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await http.PostAsync("/v1/traces", content);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _rejected);
                await Task.Delay(100);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return;
        }
    }

    private static ExportTraceServiceRequest BigTrace(DateTimeOffset start)
    {
        var scopes = _bigTraceServices.Select(_ => new ScopeSpans { Scope = new InstrumentationScope { Name = "benchmark" } }).ToArray();
        var request = new ExportTraceServiceRequest();
        SpanGenerator.AddTrace(scopes, long.MaxValue >> 17, BenchmarkOptions.BigTraceSpans, start);
        for (var i = 0; i < scopes.Length; i++)
        {
            foreach (var span in scopes[i].Spans)
            {
                span.TraceId = ByteString.CopyFrom(BigTraceId);
                span.Attributes[0] = new KeyValue { Key = "order.id", Value = new AnyValue { StringValue = BigTraceOrderId } };
            }

            request.ResourceSpans.Add(new ResourceSpans
            {
                Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = _bigTraceServices[i] } } } },
                ScopeSpans = { scopes[i] },
            });
        }

        return request;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// Several exporters send the pre-encoded OTLP/HTTP protobuf requests as fast as the dashboard accepts them (a 503 or
/// 429 means "queue full, retry", as for a real exporter); the rate is spans stored per second, from the first request
/// sent until the last span is written. It includes what the dashboard does (HTTP, decoding, queue, COPY, the traces
/// rows), not generating or encoding the requests.
/// </summary>
internal sealed class IngestBenchmark(BenchmarkOptions options, DashboardServer dashboard, BenchmarkReport report)
{
    public const string BigTraceOrderId = "ORD-BIG";
    public static readonly byte[] BigTraceId = Convert.FromHexString("0000000000000000000000000000b16e");

    private long _nextRequest;
    private long _rejected;

    /// <summary>One order whose trace has <see cref="BenchmarkOptions.BigTraceSpans"/> spans, half an hour old.</summary>
    public static ExportTraceServiceRequest BigTrace(OrderSchedule schedule)
    {
        var scopes = SpanGenerator.Scopes();
        SpanGenerator.AddOrder(scopes, long.MaxValue >> 17, BigTraceId, BigTraceOrderId, BenchmarkOptions.BigTraceSpans, schedule.Now.AddMinutes(-30), schedule.Now, new Random(1));
        return SpanGenerator.Wrap(scopes);
    }

    public async Task RunAsync(EncodedRequests requests)
    {
        Console.Error.WriteLine($"Ingesting {requests.Spans:N0} spans ({requests.Bodies.Count:N0} requests) through the dashboard with {options.Senders} senders...");
        using var http = new HttpClient { BaseAddress = dashboard.OtlpHttpUrl, Timeout = TimeSpan.FromMinutes(1) };
        var before = await dashboard.WrittenSpansAsync();
        var stopwatch = Stopwatch.StartNew();
        using var progress = new Timer(_ => Progress(stopwatch), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        await SendAsync(http, requests.Bodies[0]);
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(_ => Task.Run(async () =>
        {
            long request;
            while ((request = Interlocked.Increment(ref _nextRequest)) < requests.Bodies.Count)
            {
                await SendAsync(http, requests.Bodies[(int)request]);
            }
        })));
        var accepted = stopwatch.Elapsed;

        long written;
        while ((written = await dashboard.WrittenSpansAsync() - before) < requests.Spans)
        {
            await Task.Delay(50);
        }

        stopwatch.Stop();
        report.Ingest = new IngestResult(written, stopwatch.Elapsed.TotalSeconds, accepted.TotalSeconds, _rejected);
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

    private async Task SendAsync(HttpClient http, byte[] body)
    {
        while (true)
        {
            using var response = await PostAsync(http, body);
            if (IsRefusal(response.StatusCode))
            {
                Interlocked.Increment(ref _rejected);
                await Task.Delay(100);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return;
        }
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return http.PostAsync("/v1/traces", content);
    }

    /// <summary>OTLP/HTTP's "retry later" answers (gRPC's are UNAVAILABLE and RESOURCE_EXHAUSTED).</summary>
    public static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests;
}

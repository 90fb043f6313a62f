using System.Diagnostics;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// A steady load, as a busy stack sends it: one request every <c>spans per request / rate</c> seconds, on schedule
/// whether or not the previous one was answered, for <see cref="BenchmarkOptions.SteadySeconds"/>. A refused request
/// (503 or 429) is counted, not retried; the goal is none. Also how far the queue filled and how long the dashboard
/// took after the last request to have written everything.
/// </summary>
internal sealed class SteadyRateBenchmark(BenchmarkOptions options, DashboardServer dashboard, BenchmarkReport report)
{
    public async Task RunAsync(EncodedRequests requests)
    {
        Console.Error.WriteLine($"Steady load: {options.SteadyRate:N0} spans/s for {options.SteadySeconds} s ({requests.Bodies.Count:N0} requests)...");
        using var http = new HttpClient { BaseAddress = dashboard.OtlpHttpUrl, Timeout = TimeSpan.FromMinutes(1) };
        var before = await dashboard.WrittenSpansAsync();
        var interval = TimeSpan.FromSeconds((double)requests.Spans / requests.Bodies.Count / options.SteadyRate);
        long refused = 0, refusedSpans = 0, failed = 0, maxQueued = 0;
        var behind = TimeSpan.Zero;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var status = await dashboard.StatusAsync();
                maxQueued = Math.Max(maxQueued, status.GetProperty("queuedRecords").GetInt64());
                await Task.Delay(250);
            }
        });

        var inFlight = new List<Task>(requests.Bodies.Count);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < requests.Bodies.Count; i++)
        {
            var wait = (interval * i) - stopwatch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            else if (-wait > behind)
            {
                behind = -wait;
            }

            var request = i;
            inFlight.Add(Task.Run(async () =>
            {
                using var response = await IngestBenchmark.PostAsync(http, requests.Bodies[request]);
                if (IngestBenchmark.IsRefusal(response.StatusCode))
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.Add(ref refusedSpans, requests.SpanCounts[request]);
                }
                else if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var sent = stopwatch.Elapsed;
        var expected = requests.Spans - refusedSpans;
        var deadline = sent + TimeSpan.FromMinutes(5);
        while (await dashboard.WrittenSpansAsync() - before < expected && stopwatch.Elapsed < deadline)
        {
            await Task.Delay(50);
        }

        var written = await dashboard.WrittenSpansAsync() - before;
        stop.Cancel();
        await sampler;
        report.Steady = new SteadyResult(
            options.SteadyRate,
            requests.Spans / sent.TotalSeconds,
            sent.TotalSeconds,
            requests.Bodies.Count,
            refused,
            failed,
            written,
            (stopwatch.Elapsed - sent).TotalSeconds,
            maxQueued,
            behind.TotalMilliseconds);
    }
}

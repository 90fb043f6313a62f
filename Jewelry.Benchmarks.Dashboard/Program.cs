using Jewelry.Benchmarks.Dashboard;

// The database's own COPY limit, the dashboard's ingest rate against it, a steady-rate check, and the latency of the
// order, stage and alert queries with the store full. See the README's "Figures" for how to read it.
// Usage: dotnet run -c Release --project Jewelry.Benchmarks.Dashboard [--spans 1000000] [--senders 4] [--steady-rate 20000]
//        [--steady-seconds 30] [--days 30] [--heavy-queries 20] [--output dashboard-benchmark.json] [--connection-string "Host=..;Database=.."]
var options = BenchmarkOptions.Parse(args);
var report = new BenchmarkReport(options);
report.RecordLoad("start");

var schedule = new OrderSchedule(DateTimeOffset.UtcNow, options.LookBack, BenchmarkOptions.RecentShare);
var orders = (options.Spans - BenchmarkOptions.BigTraceSpans) / options.SpansPerTrace;
Console.Error.WriteLine($"Generating {options.Spans:N0} spans ({orders:N0} orders over {options.Days} days)...");
var requests = EncodedRequests.Generate(0, orders, options.SpansPerRequest, options.SpansPerTrace, schedule, IngestBenchmark.BigTrace(schedule));
(report.Orders, report.GeneratedSpans, report.AttributesPerSpan, report.EncodedBytesPerSpan) = (orders, requests.Spans, requests.AttributesPerSpan, requests.BytesPerSpan);

await using var postgres = await BenchmarkPostgres.StartAsync(options);
var limit = new CopyLimitBenchmark(options, postgres.ConnectionString, report);
await limit.RunAsync("before", requests, CancellationToken.None);

await using var dashboard = await DashboardServer.StartAsync(options, postgres.ConnectionString);
await new IngestBenchmark(options, dashboard, report).RunAsync(requests);
report.RecordLoad("after ingest");
await limit.RunAsync("after", requests, CancellationToken.None);
requests = null;

await new QueryBenchmark(options, dashboard, postgres.ConnectionString, report).RunAsync(orders);

// Last, so the queries ran at the size asked for: these orders are new, in the last hour.
var steadyOrders = (long)options.SteadyRate * options.SteadySeconds / options.SpansPerTrace;
if (steadyOrders > 0)
{
    var steady = EncodedRequests.Generate(orders, steadyOrders, options.SpansPerRequest, options.SpansPerTrace, schedule with { Spread = TimeSpan.FromHours(1) });
    await new SteadyRateBenchmark(options, dashboard, report).RunAsync(steady);
}

report.RecordLoad("end");

report.Print();
await File.WriteAllTextAsync(options.Output, report.ToJson());
Console.WriteLine($"JSON: {Path.GetFullPath(options.Output)}");

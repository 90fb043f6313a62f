using Jewelry.Benchmarks.Dashboard;

// Ingest rate into the store, then order.id search and 1,000-span trace load latency with the store full.
// Usage: dotnet run -c Release --project Jewelry.Benchmarks.Dashboard [--spans 1000000] [--senders 4] [--connection-string "Host=..;Database=.."]
var options = BenchmarkOptions.Parse(args);
await using var postgres = await BenchmarkPostgres.StartAsync(options);
await using var dashboard = await DashboardServer.StartAsync(options, postgres.ConnectionString);

var report = new BenchmarkReport(options);
await new IngestBenchmark(options, dashboard, report).RunAsync();
await new QueryBenchmark(options, dashboard, postgres.ConnectionString, report).RunAsync();
report.Print();

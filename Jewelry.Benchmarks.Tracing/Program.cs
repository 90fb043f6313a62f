using Jewelry.Benchmarks.Tracing;

// What tracing costs end to end: the whole stack twice (tracing OFF, tracing ON at 100% exporting to the
// dashboard), the same orders through both in alternating batches; throughput, p50/p99 latency, ON/OFF ratios.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

using var shutdown = new ShutdownSignal();
return await BenchmarkRun.RunAsync(options, shutdown.Token);

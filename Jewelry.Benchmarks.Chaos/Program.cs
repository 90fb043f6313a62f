using Jewelry.Benchmarks.Chaos;
using Jewelry.Benchmarks.Tracing;

// Nothing lost under faults and load: N orders from several clients at a steady rate while each resource in turn is
// killed with SIGKILL and started again by Aspire, then the checker's table: lost, duplicated, unexpected, chains.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(ChaosOptions.Usage);
    return 0;
}

var options = ChaosOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ChaosOptions.Usage);
    return 2;
}

using var shutdown = new ShutdownSignal();
return await ChaosRun.RunAsync(options, shutdown.Token);

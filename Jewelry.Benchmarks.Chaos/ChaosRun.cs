using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Jewelry.Chaos.Checking;
using Jewelry.Chaos.Faults;
using Jewelry.Chaos.Load;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Benchmarks.Chaos;

/// <summary>Starts the stack, runs the load and the fault schedule side by side, lets it settle, checks, reports.</summary>
public static class ChaosRun
{
    private static readonly TimeSpan s_checkEvery = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(ChaosOptions options, CancellationToken cancellationToken)
    {
        var load = TimeSpan.FromSeconds(options.Orders / options.Rate);
        var schedule = FaultSchedule.Plan(options.Kill, load, options.Seed);
        Console.WriteLine($"Chaos run: {options.Orders} orders at {options.Rate:0.##}/s from {options.Clients} clients (about {load.TotalSeconds:0} s of load), "
            + $"a quarter to CLOSED, the rest to PRICE_CALCULATED; seed {options.Seed}; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("Fault schedule (SIGKILL of the resource's whole process tree, then Aspire's start command):");
        foreach (var fault in schedule)
        {
            Console.WriteLine($"  +{fault.At.TotalSeconds,6:0.0} s  {fault.Resource}");
        }

        var clock = Stopwatch.StartNew();
        await using var stack = await ChaosStackInstance.StartAsync(options, cancellationToken);
        Console.WriteLine($"Stack healthy after {clock.Elapsed.TotalSeconds:0} s (log: {stack.LogPath}).");

        using var clients = StackClients.Create(stack.App, options.RequestTimeout);
        var driver = new OrderDriver(clients, StlWriter.WriteBinary(MeshFactory.SampleRing()), options.OrderTimeout);
        var killer = new ResourceKiller(stack.App, options.RecoveryTimeout);
        var driven = new ConcurrentBag<DrivenOrder>();
        var loadStart = DateTimeOffset.UtcNow;
        var loadClock = Stopwatch.StartNew();

        var work = Channel.CreateBounded<int>(options.Clients);
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < options.Orders; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.Rate) - loadClock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                await work.Writer.WriteAsync(i, cancellationToken);
            }

            work.Writer.Complete();
        }, cancellationToken);
        var consumers = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            await foreach (var index in work.Reader.ReadAllAsync(cancellationToken))
            {
                driven.Add(await driver.RunAsync(index, cancellationToken));
            }
        }, cancellationToken)).ToList();
        var faults = Task.Run(async () =>
        {
            var results = new List<FaultResult>();
            foreach (var fault in schedule)
            {
                var due = fault.At - loadClock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                var result = await killer.KillAndRestartAsync(fault.Resource, cancellationToken);
                results.Add(result);
                Console.WriteLine($"  +{(result.KilledAt - loadStart).TotalSeconds,6:0.0} s  killed {fault.Resource} ({result.Processes.Count} processes): "
                    + (result.Problem ?? $"healthy after {result.Healthy?.TotalSeconds:0.0} s, everything healthy after {result.AllHealthy?.TotalSeconds:0.0} s")
                    + $"; {driven.Count} orders done");
            }

            return results;
        }, cancellationToken);

        await producer;
        await Task.WhenAll(consumers);
        var faultResults = await faults;
        var loadTime = loadClock.Elapsed;
        Console.WriteLine($"Load done in {loadTime.TotalSeconds:0} s; {driven.Count(o => o.Failure is null)} of {options.Orders} orders reached their status at the client.");

        var checker = new ChaosChecker(stack.Connections);
        var kills = faultResults.Select(f => new Kill(f.Resource, f.KilledAt)).ToList();
        var orders = driven.Where(o => o.OrderId is not null).Select(o => new CheckedOrder(o.OrderId!.Value, o.ExpectedStatus, o.Failure)).ToList();
        var result = await SettleAsync(checker, orders, kills, options.SettleTimeout, cancellationToken);

        var report = ChaosReport.Build(options, schedule, faultResults, [.. driven], result, loadStart, loadTime);
        Console.WriteLine();
        Console.Write(report.ToTable());
        await File.WriteAllTextAsync(options.Output, report.ToJson(), cancellationToken);
        Console.WriteLine($"JSON: {Path.GetFullPath(options.Output)}");
        var total = report.Total;
        var unrecovered = faultResults.Where(fault => fault.Healthy is null).Select(fault => fault.Resource).ToList();
        if (unrecovered.Count > 0)
        {
            Console.WriteLine($"Not healthy again after its kill: {string.Join(", ", unrecovered)}.");
        }

        return total.Lost + total.Duplicated + total.Unexpected + total.ChainMissing + total.ChainBroken == 0 && unrecovered.Count == 0 ? 0 : 1;
    }

    /// <summary>Checks until every order's chain is in the telemetry store (the services export every second) or the time is up.</summary>
    private static async Task<CheckResult> SettleAsync(ChaosChecker checker, List<CheckedOrder> orders, List<Kill> kills, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await checker.CheckAsync(orders, kills, cancellationToken);
            if (result.ChainMissing + result.ChainBroken == 0 || deadline.Elapsed > within)
            {
                return result;
            }

            await Task.Delay(s_checkEvery, cancellationToken);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

using System.Collections.Concurrent;
using Jewelry.Chaos.Checking;
using Jewelry.Chaos.Faults;
using Jewelry.Chaos.Load;
using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;

namespace Jewelry.Tests.Chaos;

/// <summary>
/// The chaos run in small (Jewelry.Benchmarks.Chaos is the full one): orders from several clients at once, and while
/// they run, kill -9 of the broker, the MES and PostgreSQL, each started again with Aspire's start command.
/// </summary>
[Collection(ChaosCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class ChaosRunTests(ChaosStackFixture stack)
{
    private const int Orders = 60;
    private const int Clients = 6;

    /// <summary>Each resource is killed once this many orders have been started, so every kill lands in the middle of the load.</summary>
    private static readonly (string Resource, int AfterStarted)[] s_faults = [("messaging", 10), ("mes-api", 25), ("postgres", 40)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixty_orders_through_SIGKILL_of_messaging_mes_api_and_postgres_are_none_lost_duplicated_or_out_of_order_and_each_chain_is_stored()
    {
        using var clients = StackClients.Create(stack.App, TimeSpan.FromSeconds(20));
        var driver = new OrderDriver(clients, StlWriter.WriteBinary(MeshFactory.SampleRing()), TimeSpan.FromMinutes(5));
        var killer = new ResourceKiller(stack.App, TimeSpan.FromMinutes(3));
        var driven = new ConcurrentBag<DrivenOrder>();
        var next = -1;
        var started = 0;

        async Task ClientAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Orders)
            {
                Interlocked.Increment(ref started);
                driven.Add(await driver.RunAsync(index, Ct));
            }
        }

        var inFlightAtKill = new List<int>();

        async Task<List<FaultResult>> FaultsAsync()
        {
            var results = new List<FaultResult>();
            foreach (var (resource, afterStarted) in s_faults)
            {
                await Eventually.WaitUntilAsync(() => Volatile.Read(ref started) >= afterStarted, TimeSpan.FromMinutes(5), $"{afterStarted} orders started before killing {resource}");
                inFlightAtKill.Add(Volatile.Read(ref started) - driven.Count);
                results.Add(await killer.KillAndRestartAsync(resource, Ct));
            }

            return results;
        }

        var faults = FaultsAsync();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync, Ct)));
        var results = await faults;
        Assert.All(results, fault => Assert.True(fault.Problem is null, $"{fault.Resource}: {fault.Problem}{Environment.NewLine}{stack.Log}"));
        Assert.All(inFlightAtKill, inFlight => Assert.True(inFlight > 0, "every kill lands while orders are in flight"));

        Assert.Equal(Orders, driven.Count);
        Assert.All(driven, order => Assert.True(order.Failure is null, $"order {order.Index} ({order.OrderId}): {order.Failure}"));
        Assert.Equal(Orders / 4, driven.Count(o => o.ExpectedStatus == OrderStatus.Closed.ToName()));

        // The services export every second and the dashboard stores in batches: wait until the chains are in, then judge.
        var checker = new ChaosChecker(await stack.ConnectionsAsync());
        var kills = results.Select(fault => new Kill(fault.Resource, fault.KilledAt)).ToList();
        var orders = driven.Select(o => new CheckedOrder(o.OrderId!.Value, o.ExpectedStatus, o.Failure)).ToList();
        CheckResult? result = null;
        await Eventually.WaitUntilAsync(
            async () => (result = await checker.CheckAsync(orders, kills, Ct)).Verdicts.All(v => v.IsClean),
            TimeSpan.FromSeconds(90),
            () => $"every order clean: {Summary(result)}{Environment.NewLine}{result?.Describe()}");
        TestContext.Current.TestOutputHelper?.WriteLine($"Chaos test: {Summary(result)}; faults: {string.Join(", ", results.Select(f => $"{f.Resource} killed {f.KilledAt:HH:mm:ss.fff}, healthy after {f.Healthy?.TotalSeconds:0.0} s, all after {f.AllHealthy?.TotalSeconds:0.0} s"))}");

        Assert.Equal(0, result!.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.Equal(0, result.Unexpected);
        Assert.Equal(0, result.ChainMissing);
        Assert.Equal(Orders, result.Reached);
    }

    private static string Summary(CheckResult? result) =>
        $"lost {result?.Lost}, duplicated {result?.Duplicated}, unexpected {result?.Unexpected}, chain missing {result?.ChainMissing}, "
        + $"chain broken {result?.ChainBroken}, chain hops lost with a killed process {result?.ChainLostWithKill}, dead letters {result?.Broker.DeadLetters.Count}";
}

using Jewelry.Chaos.Checking;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Chaos;

/// <summary>A whole stack from the AppHost's model, its services exporting only to its Jewelry dashboard, for the chaos test to kill parts of.</summary>
public sealed class ChaosStackFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();

    public DistributedApplication App { get; private set; } = null!;

    public string Log => _log.ToString();

    public async ValueTask InitializeAsync() =>
        App = await JewelryAppHost.StartAsync(await JewelryAppHost.CreateBuilderAsync(_log), _log);

    public async Task<StackConnections> ConnectionsAsync() => new(
        await App.ConnectionStringAsync("shopdb"),
        await App.ConnectionStringAsync("mesdb"),
        await App.ConnectionStringAsync("telemetrydb"),
        await App.ConnectionStringAsync("messaging"));

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAndDisposeAsync();
        }

        _log.Dispose();
    }
}

using Aspire.Hosting.Testing;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>A throwaway PostgreSQL started as the AppHost starts it (Jewelry.Hosting's local server), unless a connection string was given.</summary>
internal sealed class BenchmarkPostgres : IAsyncDisposable
{
    private readonly DistributedApplication? _app;

    private BenchmarkPostgres(DistributedApplication? app, string connectionString)
    {
        _app = app;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchmarkPostgres> StartAsync(BenchmarkOptions options)
    {
        if (options.ConnectionString is { } given)
        {
            return new BenchmarkPostgres(null, given);
        }

        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddLocalPostgres("postgres").AddDatabase("telemetrydb");
        var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("telemetrydb");
        var connectionString = await app.GetConnectionStringAsync("telemetrydb") ?? throw new InvalidOperationException("telemetrydb has no connection string.");
        return new BenchmarkPostgres(app, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

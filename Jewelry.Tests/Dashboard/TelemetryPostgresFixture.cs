using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// One real PostgreSQL for the dashboard tests, started as the AppHost starts it. Tests that delete data (retention)
/// or restart the dashboard get a database of their own from <see cref="NewDatabase"/>.
/// </summary>
public sealed class TelemetryPostgresFixture : IAsyncLifetime
{
    private readonly TestLog _log = new();
    private DistributedApplication? _app;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A connection string for a database that does not exist yet; the dashboard creates it.</summary>
    public string NewDatabase(string purpose) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = $"telemetry_{purpose}_{Guid.NewGuid():N}"[..40] }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var builder = LocalInfrastructure.CreateBuilder(_log);
        builder.AddLocalPostgres("postgres").AddDatabase("telemetrydb");
        _app = await JewelryAppHost.StartAsync(builder, _log);
        ConnectionString = await _app.ConnectionStringAsync("telemetrydb");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAndDisposeAsync();
        }

        await _log.DisposeAsync();
    }
}

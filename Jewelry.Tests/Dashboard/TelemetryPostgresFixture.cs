using Jewelry.Hosting;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// One real PostgreSQL for the dashboard tests, started by the orchestrator library as the AppHost does.
/// Tests that delete data (retention) or restart the dashboard get a database of their own from <see cref="NewDatabase"/>.
/// </summary>
public sealed class TelemetryPostgresFixture : IAsyncLifetime
{
    private readonly StringWriter _log = new();
    private DistributedApplication? _app;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A connection string for a database that does not exist yet; the dashboard creates it.</summary>
    public string NewDatabase(string purpose) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = $"telemetry_{purpose}_{Guid.NewGuid():N}"[..40] }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Output = TextWriter.Synchronized(_log) });
        builder.AddPostgres("postgres").AddDatabase("telemetrydb");
        _app = builder.Build();
        try
        {
            await _app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"PostgreSQL did not start: {exception.Message}{Environment.NewLine}{_log}", exception);
        }

        ConnectionString = _app.GetConnectionString("telemetrydb");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _log.DisposeAsync();
    }
}

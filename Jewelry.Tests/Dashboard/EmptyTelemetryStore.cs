using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>A telemetry database of a test's own, with the dashboard's schema applied, for its storage classes used directly.</summary>
internal static class EmptyTelemetryStore
{
    public static async Task<(NpgsqlDataSource DataSource, TelemetryStoreReadiness Readiness)> CreateAsync(DashboardFixture fixture, string purpose)
    {
        var connectionString = fixture.Postgres.NewDatabase(purpose);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var readiness = new TelemetryStoreReadiness();
        using var initializer = new TelemetryStoreInitializer(dataSource, readiness, NullLogger<TelemetryStoreInitializer>.Instance, connectionString);
        await initializer.StartAsync(TestContext.Current.CancellationToken);
        await readiness.WaitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (dataSource, readiness);
    }
}

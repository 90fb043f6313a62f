using System.Net;
using System.Net.Sockets;
using Jewelry.Messaging;
using Jewelry.ShopData.Data;
using Jewelry.Tests.Stack;
using Microsoft.Extensions.Hosting;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>
/// The client integrations' health checks as <c>/health</c> reports them: under the dependency's connection
/// name, Unhealthy within the dependency timeout while it cannot be reached, and without holding up the start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DependencyHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_starts_while_the_broker_is_down_and_reports_messaging_unhealthy()
    {
        Dictionary<string, string?> settings = new() { ["ConnectionStrings:messaging"] = $"amqp://guest:guest@127.0.0.1:{ClosedPort()}/" };

        await using var service = await DefaultsTestService.StartAsync(settings, configure: builder => builder.AddBrokerConnection("messaging"));
        var (status, report) = await HealthReport.ReadAsync(service.Client, Ct);

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, status);
        var messaging = report.Checks["messaging"];
        Assert.Equal("Unhealthy", messaging.Status);
        Assert.Equal("Not connected to the broker yet.", messaging.Description);
    }

    [Fact]
    public async Task The_database_integrations_check_reports_under_the_connection_name()
    {
        Dictionary<string, string?> settings = new()
        {
            ["ConnectionStrings:shopdb"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=shopdb;Username=jewelry;Password=unused",
        };

        await using var service = await DefaultsTestService.StartAsync(settings, configure: builder =>
        {
            builder.AddNpgsqlDbContext<ShopDbContext>(ShopDbContext.ConnectionName);
            builder.Services.NameDependencyCheck(nameof(ShopDbContext), ShopDbContext.ConnectionName);
        });
        var started = DateTime.UtcNow;
        var (status, report) = await HealthReport.ReadAsync(service.Client, Ct);

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.Checks["shopdb"].Status);
        Assert.DoesNotContain(nameof(ShopDbContext), report.Checks.Keys);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the check gave up within its timeout");
    }

    [Fact]
    public async Task Naming_a_check_no_integration_registered_fails_the_start()
    {
        var start = await Record.ExceptionAsync(() => DefaultsTestService.StartAsync(
            new Dictionary<string, string?>(),
            configure: builder => builder.Services.NameDependencyCheck("ShopDbContext", "shopdb")));

        Assert.Contains("No health check named 'ShopDbContext'", Assert.IsType<InvalidOperationException>(start).Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

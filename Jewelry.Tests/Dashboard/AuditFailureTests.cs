using System.Net;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>An audit row that cannot be written is never lost silently: it is logged and counted in /api/status.</summary>
[Collection(DashboardTestGroup.Name)]
public sealed class AuditFailureTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_failed_audit_write_is_logged_and_counted()
    {
        var connectionString = fixture.Postgres.NewDatabase("auditfail");
        await using var dashboard = await DashboardProcess.StartAsync(connectionString);
        using var developer = await DashboardSignIn.SignInAsync(dashboard.FrontendUrl, DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, TestContext.Current.CancellationToken);
        var before = (await developer.GetJsonAsync("/api/status")).GetProperty("audit");
        Assert.Equal(0, before.GetProperty("failed").GetInt64());

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var drop = dataSource.CreateCommand("DROP TABLE audit_log"))
        {
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var services = await developer.GetAsync("/api/services", TestContext.Current.CancellationToken);
        var after = (await developer.GetJsonAsync("/api/status")).GetProperty("audit");

        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        Assert.Equal(1, after.GetProperty("failed").GetInt64());
        Assert.Contains("audit_log", after.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("Could not write the audit entry for GET /api/services (200)", dashboard.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoUsers.DeveloperPassword, dashboard.Output, StringComparison.Ordinal);
    }
}

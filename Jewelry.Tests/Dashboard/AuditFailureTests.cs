using System.Net;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>An audit row that cannot be written is never lost silently: it is logged and counted in /api/status.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
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

        // The log line travels through the console logger's queue and a pipe: it is there soon, not at once.
        await Poll.UntilAsync(
            () => Task.FromResult<string?>(dashboard.Output),
            output => output!.Contains("Could not write the audit entry for GET /api/services (200)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the failed audit write logged");
        Assert.DoesNotContain(DemoUsers.DeveloperPassword, dashboard.Output, StringComparison.Ordinal);
    }
}

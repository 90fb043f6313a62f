using Jewelry.Hosting;
using Jewelry.Tests.Hosting;
using Npgsql;

namespace Jewelry.Tests.Stack;

[Collection(StackCollectionDefinition.Name)]
public sealed class StackHealthTests(StackFixture stack)
{
    private static readonly TimeSpan s_unhealthyWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_recoveredWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_resource_the_app_model_declares_is_healthy()
    {
        // Another test may have just restarted a resource: healthy means the AppHost sees it healthy again.
        await stack.WaitUntilAllHealthyAsync();
        var resources = stack.App.Resources;

        Assert.Equal(
            ["crm-api", "dashboard", "mes-api", "mesdb", "messaging", "models", "postgres", "shop-api", "shopdb", "telemetrydb"],
            resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(resources, r => Assert.True(r.State == ResourceState.Healthy, $"{r.Name} is {r.State}: {r.StateReason}"));
    }

    [Theory]
    [InlineData("shop-api", new[] { "shopdb", "models" })]
    [InlineData("crm-api", new[] { "shopdb", "messaging", "models" })]
    [InlineData("mes-api", new[] { "mesdb", "messaging", "models" })]
    public async Task Each_api_reports_each_of_its_dependencies_healthy_by_name(string api, string[] dependencies)
    {
        using var client = stack.App.CreateHttpClient(api);

        // A check can time out once while the two cores are busy; healthy means it answers healthy, not on the first try.
        (int Status, HealthReport? Report) read = default;
        await Eventually.WaitUntilAsync(
            async () => (read = await HealthReport.ReadAsync(client, TestContext.Current.CancellationToken)).Status == 200,
            s_recoveredWithin,
            () => $"{api} answers /health with 200; last: {read.Status} {read.Report?.Status}");

        var report = read.Report!;
        Assert.Equal("Healthy", report.Status);
        foreach (var dependency in dependencies)
        {
            Assert.True(report.Checks.TryGetValue(dependency, out var check), $"{api} does not check {dependency}");
            Assert.Equal("Healthy", check.Status);
        }
    }

    [Theory]
    [InlineData("shopdb", new[] { "orders", "order_status_history", "outbox_messages", "inbox_messages" })]
    [InlineData("mesdb", new[] { "production_orders", "production_steps", "price_calculations", "seller_clients", "outbox_messages", "inbox_messages" })]
    public async Task Migrations_created_the_tables(string database, string[] tables)
    {
        await using var connection = new NpgsqlConnection(stack.App.GetConnectionString(database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var existing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }

        Assert.Contains("__EFMigrationsHistory", existing);
        Assert.All(tables, table => Assert.Contains(table, existing));
    }

    [Fact]
    public async Task Stopping_messaging_makes_its_users_unhealthy_and_starting_it_makes_them_healthy_without_restarting_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var apiProcessesBefore = ApiProcessIds();

        await stack.App.StopResourceAsync("messaging", ct);
        try
        {
            foreach (var api in new[] { "crm-api", "mes-api" })
            {
                using var client = stack.App.CreateHttpClient(api);
                await Eventually.WaitUntilAsync(
                    async () => await HealthReport.ReadAsync(client, ct) is (503, var report) && report.Checks["messaging"].Status == "Unhealthy",
                    s_unhealthyWithin,
                    $"{api} reports messaging Unhealthy with 503");
            }

            // The shop API does not use RabbitMQ: it is ready while the broker is down.
            await Eventually.WaitUntilAsync(
                async () => (await HealthReport.ReadAsync(stack.Shop, ct)).StatusCode == 200,
                s_unhealthyWithin,
                "shop-api reports 200 while messaging is down");
        }
        finally
        {
            await stack.App.StartResourceAsync("messaging", ct);
        }

        foreach (var api in new[] { "crm-api", "mes-api" })
        {
            using var client = stack.App.CreateHttpClient(api);
            await Eventually.WaitUntilAsync(
                async () => (await HealthReport.ReadAsync(client, ct)).StatusCode == 200,
                s_recoveredWithin,
                $"{api} is healthy again after messaging restarted");
        }

        Assert.Equal(apiProcessesBefore, ApiProcessIds());
        await stack.WaitUntilAllHealthyAsync();
    }

    private Dictionary<string, int?> ApiProcessIds() =>
        stack.App.Resources.Where(r => r.Type == "project").ToDictionary(r => r.Name, r => r.ProcessId);
}

using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Npgsql;


namespace Jewelry.Tests.Stack;

[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class StackHealthTests(StackFixture stack)
{
    private static readonly TimeSpan s_unhealthyWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_recoveredWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_resource_the_app_model_declares_is_healthy()
    {
        // Another test may have just restarted a resource: healthy means the AppHost sees it healthy again.
        await stack.WaitUntilAllHealthyAsync();

        Assert.Equal(
            ["crm-api", "dashboard", "gateway", "identity", "identitydb", "mes-api", "mesdb", "messaging", "models", "postgres", "shop-api", "shopdb", "telemetrydb"],
            stack.App.ModelResources().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_running_service_got_the_variables_Aspire_and_the_Jewelry_dashboard_wiring_give_it()
    {
        var pid = await stack.App.ProcessIdAsync("shop-api") ?? throw new InvalidOperationException("shop-api has no pid");
        var environment = await ProcessInspector.EnvironmentAsync(pid, TestContext.Current.CancellationToken);

        Assert.Equal(await stack.App.ConnectionStringAsync("shopdb"), environment["ConnectionStrings__shopdb"]);
        Assert.Equal(await stack.App.ConnectionStringAsync("models"), environment["ConnectionStrings__models"]);
        Assert.Equal(stack.App.GetEndpoint("crm-api", "https").ToString().TrimEnd('/'), environment["services__crm-api__https__0"].TrimEnd('/'));
        Assert.Equal("shop-api", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(stack.App.GetEndpoint("dashboard", JewelryDashboardBuilderExtensions.OtlpGrpcEndpointName).ToString().TrimEnd('/'), environment[Jewelry.Contracts.Telemetry.JewelryDashboardExport.EndpointVariable].TrimEnd('/'));
        Assert.Matches("^x-otlp-api-key=[A-Za-z0-9]{32}$", environment[Jewelry.Contracts.Telemetry.JewelryDashboardExport.HeadersVariable]);
    }

    [Theory]
    [InlineData("shop-api", new[] { "shopdb", "models" })]
    [InlineData("crm-api", new[] { "shopdb", "messaging", "models" })]
    [InlineData("mes-api", new[] { "mesdb", "messaging", "models" })]
    [InlineData("identity", new[] { "identitydb" })]
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
        await using var connection = new NpgsqlConnection(await stack.App.ConnectionStringAsync(database));
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
        var apiProcessesBefore = await ApiProcessIds();

        await stack.App.StopResourceAsync("messaging", ct);
        try
        {
            await WaitUntilUnhealthyAsync(("crm-api", "messaging"), ("mes-api", "messaging"));

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

        await WaitUntilHealthyAsync(["crm-api", "mes-api"], "messaging");
        Assert.Equal(apiProcessesBefore, await ApiProcessIds());
        await stack.WaitUntilAllHealthyAsync();
    }

    [Theory]
    [InlineData("postgres", new[] { "shop-api:shopdb", "crm-api:shopdb", "mes-api:mesdb" })]
    [InlineData("models", new[] { "shop-api:models", "crm-api:models", "mes-api:models" })]
    public async Task After_a_server_restarts_its_users_are_healthy_again_without_restarting_and_an_order_is_priced(string server, string[] checks)
    {
        var ct = TestContext.Current.CancellationToken;
        var apiProcessesBefore = await ApiProcessIds();
        var dependents = checks.Select(c => c.Split(':')).Select(c => (Api: c[0], Check: c[1])).ToArray();

        await stack.App.StopResourceAsync(server, ct);
        try
        {
            await WaitUntilUnhealthyAsync(dependents);
        }
        finally
        {
            await stack.App.StartResourceAsync(server, ct);

            // The services recover their own pools; this test process's pooled connections died with the server too.
            NpgsqlConnection.ClearAllPools();
        }

        await WaitUntilHealthyAsync(dependents.Select(d => d.Api), server);
        Assert.Equal(apiProcessesBefore, await ApiProcessIds());
        await stack.WaitUntilAllHealthyAsync();

        // Healthy is not enough: the connection pools and clients the services kept must work again.
        var orders = new OrderJourneyDriver(stack);
        var order = await orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
    }

    private async Task WaitUntilUnhealthyAsync(params (string Api, string Check)[] dependents)
    {
        foreach (var (api, check) in dependents)
        {
            using var client = stack.App.CreateHttpClient(api);
            await Eventually.WaitUntilAsync(
                async () => await HealthReport.ReadAsync(client, TestContext.Current.CancellationToken) is (503, var report) && report.Checks[check].Status == "Unhealthy",
                s_unhealthyWithin,
                $"{api} reports {check} Unhealthy with 503");
        }
    }

    private async Task WaitUntilHealthyAsync(IEnumerable<string> apis, string restarted)
    {
        foreach (var api in apis.Distinct())
        {
            using var client = stack.App.CreateHttpClient(api);
            await Eventually.WaitUntilAsync(
                async () => (await HealthReport.ReadAsync(client, TestContext.Current.CancellationToken)).StatusCode == 200,
                s_recoveredWithin,
                $"{api} is healthy again after {restarted} restarted");
        }
    }

    private async Task<Dictionary<string, int?>> ApiProcessIds()
    {
        var pids = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var api in JewelryAppHost.Services)
        {
            pids[api] = await stack.App.ProcessIdAsync(api);
        }

        return pids;
    }
}

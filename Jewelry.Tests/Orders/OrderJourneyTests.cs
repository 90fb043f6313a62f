using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Orders;

/// <summary>The dashboard's journey of an order the real services took through its whole lifecycle.</summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
public sealed class OrderJourneyTests(OrderTrackingStackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    [Fact]
    public async Task A_closed_order_shows_all_ten_statuses_in_order_with_durations_adding_up_and_every_hop_of_each_chain()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await _orders.CompleteAsync(order.Id);

        // Each service exports on its own schedule: wait until every chain's hops have arrived, not just the statuses.
        JsonElement? journey = null;
        await Eventually.WaitUntilAsync(
            async () => (journey = await stack.Dashboard.JourneyAsync(order.Id)) is { } j && MissingHops(j).Count == 0,
            TimeSpan.FromSeconds(60),
            () => $"the journey of {order.Id} has every status and hop; missing: {(journey is { } j ? string.Join("; ", MissingHops(j)) : "the whole order")}");

        var statuses = journey!.Value.Items("statuses").ToList();
        Assert.Equal(Enum.GetValues<OrderStatus>().Select(s => s.ToName()), statuses.Select(s => s.Text("status")));
        var entered = statuses.Select(s => s.GetProperty("enteredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(entered.Order(), entered);

        // Every status but the final one lasted until the next began; together they are the order's whole time.
        Assert.All(statuses[..^1], s => Assert.True(s.GetProperty("durationMs").GetDouble() >= 0));
        Assert.Equal(JsonValueKind.Null, statuses[^1].GetProperty("durationMs").ValueKind);
        var total = journey.Value.GetProperty("totalDurationMs").GetDouble();
        Assert.Equal(total, statuses[..^1].Sum(s => s.GetProperty("durationMs").GetDouble()), 0.01);
        Assert.Equal((entered[^1] - entered[0]).TotalMilliseconds, total, 0.01);
        Assert.True(total > 0);

        Assert.Equal("CLOSED", journey.Value.Text("currentStatus"));
        Assert.True(journey.Value.GetProperty("isFinal").GetBoolean());
        Assert.Empty(journey.Value.Items("errors"));
        Assert.Empty(journey.Value.Items("pendingMessages"));

        // Each status was recorded in one of the order's chains, and each chain has a start, a duration and services.
        var chains = journey.Value.Items("chains").ToList();
        var chainIds = chains.Select(c => c.Text("traceId")).ToHashSet();
        Assert.All(statuses, s => Assert.Contains(s.Text("traceId"), chainIds));
        Assert.All(chains, c => Assert.All(c.Items("hops"), h => Assert.True(h.GetProperty("durationMs").GetDouble() >= 0)));
    }

    /// <summary>
    /// What each chain must show, by the status it made the order enter: the request that started it, the messages
    /// through RabbitMQ with their queues, the store and the database, and the status change itself.
    /// </summary>
    private static List<string> MissingHops(JsonElement journey)
    {
        var missing = new List<string>();
        var chains = journey.Items("chains").ToList();
        foreach (var status in Enum.GetValues<OrderStatus>().Select(s => s.ToName()))
        {
            var chain = chains.FirstOrDefault(c => c.Items("statusesEntered").Any(s => s.GetString() == status));
            if (chain.ValueKind == JsonValueKind.Undefined)
            {
                missing.Add($"no chain entered {status}");
                continue;
            }

            foreach (var (kind, service, name) in ExpectedHops(status))
            {
                if (!chain.Items("hops").Any(h => h.Text("kind") == kind && (service is null || h.Text("service") == service) && (name is null || h.Text("name")!.Contains(name, StringComparison.Ordinal))))
                {
                    missing.Add($"{status}: {kind} hop in {service ?? "any service"}{(name is null ? null : $" named '{name}'")}");
                }
            }
        }

        return missing;
    }

    private static IEnumerable<(string Kind, string? Service, string? Name)> ExpectedHops(string status)
    {
        // Shop or CRM records a status change, whichever wrote it; what matters is that the chain shows it.
        (string, string?, string?) Status() => ("Status", null, $"-> {status}");
        return status switch
        {
            "INITIATED" => [("Http", "shop-api", "POST"), ("Database", "shop-api", "orders"), Status()],
            "FILE_UPLOADED" => [("Http", "shop-api", "PUT"), ("Store", "shop-api", "PutObject"), ("Database", "shop-api", null), Status()],
            "SUBMITTED" => [("Http", "shop-api", "POST"), ("Http", "crm-api", "POST"), Status()],
            "PRICE_CALCULATED" =>
            [
                ("Queue", "crm-api", "send price.requested"), ("Queue", "mes-api", "process mes.price-requests"),
                ("Store", "mes-api", "GetObject"), ("Database", "mes-api", null),
                ("Queue", "mes-api", "send price.calculated"), ("Queue", "crm-api", "process crm.price-results"),
                ("Database", "crm-api", null), Status(),
            ],
            "MANUFACTURING_APPROVED" =>
            [
                ("Http", "crm-api", "POST"), Status(),
                ("Queue", "crm-api", "send manufacturing.approved"), ("Queue", "mes-api", "process mes.manufacturing-approvals"), ("Database", "mes-api", null),
            ],
            "CLOSED" => [("Http", "crm-api", "POST"), ("Database", "crm-api", null), Status()],
            _ =>
            [
                ("Http", "mes-api", "POST"), ("Database", "mes-api", null),
                ("Queue", "mes-api", "send production.stage-changed"), ("Queue", "crm-api", "process crm.production-events"), Status(),
            ],
        };
    }
}

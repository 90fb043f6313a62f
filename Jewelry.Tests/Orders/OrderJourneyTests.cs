using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Orders;

/// <summary>The dashboard's journey of an order the real services took through its whole lifecycle.</summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderJourneyTests(OrderTrackingStackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    [Fact]
    public async Task A_closed_order_shows_all_ten_statuses_in_order_with_durations_adding_up_and_every_hop_of_each_chain()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await _orders.CompleteAsync(order.Id);

        var journey = await stack.Dashboard.WaitForClosedJourneyAsync(order.Id);

        var statuses = journey.Items("statuses").ToList();
        Assert.Equal(Enum.GetValues<OrderStatus>().Select(s => s.ToName()), statuses.Select(s => s.Text("status")));
        var entered = statuses.Select(s => s.GetProperty("enteredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(entered.Order(), entered);

        // Every status but the final one lasted until the next began; together they are the order's whole time.
        Assert.All(statuses[..^1], s => Assert.True(s.GetProperty("durationMs").GetDouble() >= 0));
        Assert.Equal(JsonValueKind.Null, statuses[^1].GetProperty("durationMs").ValueKind);
        var total = journey.GetProperty("totalDurationMs").GetDouble();
        Assert.Equal(total, statuses[..^1].Sum(s => s.GetProperty("durationMs").GetDouble()), 0.01);
        Assert.Equal((entered[^1] - entered[0]).TotalMilliseconds, total, 0.01);
        Assert.True(total > 0);

        Assert.Equal("CLOSED", journey.Text("currentStatus"));
        Assert.True(journey.GetProperty("isFinal").GetBoolean());
        Assert.Empty(journey.Items("errors"));
        Assert.Empty(journey.Items("pendingMessages"));

        // Each status was recorded in one of the order's chains, and each chain has a start, a duration and services.
        var chains = journey.Items("chains").ToList();
        var chainIds = chains.Select(c => c.Text("traceId")).ToHashSet();
        Assert.All(statuses, s => Assert.Contains(s.Text("traceId"), chainIds));
        Assert.All(chains, c => Assert.All(c.Items("hops"), h => Assert.True(h.GetProperty("durationMs").GetDouble() >= 0)));
    }
}

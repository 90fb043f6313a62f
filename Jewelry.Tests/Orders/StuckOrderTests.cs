using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Topology;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Orders;

/// <summary>The stuck-orders report read from the telemetry of the real services, while a consumer is down and for a poison message.</summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class StuckOrderTests(OrderTrackingStackFixture stack)
{
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(60);

    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_submitted_while_the_mes_is_down_is_listed_as_waiting_in_the_price_queue_and_leaves_the_list_when_it_is_back()
    {
        await stack.App.StopResourceAsync("mes-api", Ct);
        try
        {
            var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));

            JsonElement report = default;
            await Eventually.WaitUntilAsync(
                async () => (report = await stack.Dashboard.StuckAsync()).IsListedAsWaitingForPrice(order.Id),
                WithinAMinute,
                () => $"order {order.Id} listed as stuck in SUBMITTED and its price request as lost in mes.price-requests; report: {report}");

            var stuck = report.Items("stuckOrders").Single(o => o.IsFor(order.Id));
            Assert.Equal("mes-api", stuck.Text("service"));
            Assert.Equal("Price calculation in the MES", stuck.Text("stage"));
            Assert.True(stuck.GetProperty("waitingMs").GetDouble() > OrderTrackingStackFixture.SubmittedThreshold.TotalMilliseconds);
            var waitingOn = stuck.GetProperty("waitingOn");
            Assert.Equal(RoutingKeys.PriceRequested, waitingOn.Text("routingKey"));
            Assert.Equal(OrderTopology.MesPriceRequests.Name, waitingOn.Text("queue"));
            Assert.Equal(OrderTopology.Exchange, waitingOn.Text("exchange"));
            Assert.Equal("crm-api", waitingOn.Text("publisher"));

            await stack.App.StartResourceAsync("mes-api", Ct);
            await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED", TimeSpan.FromSeconds(90));
            await Eventually.WaitUntilAsync(
                async () => !Mentions(report = await stack.Dashboard.StuckAsync(), order.Id),
                WithinAMinute,
                () => $"order {order.Id} leaves the stuck and lost lists once priced; report: {report}");
        }
        finally
        {
            if (KnownResourceStates.TerminalStates.Contains(await stack.App.StateAsync("mes-api")))
            {
                await stack.App.StartResourceAsync("mes-api", Ct);
            }

            await stack.WaitUntilAllHealthyAsync();
        }
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_dead_letter_queue_and_is_listed_with_its_reason()
    {
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.PriceRequested, messageId, "PriceCalculationRequested", Encoding.UTF8.GetBytes("{\"orderId\": "), orderId);

        JsonElement report = default;
        await Eventually.WaitUntilAsync(
            async () => (report = await stack.Dashboard.StuckAsync()).Items("deadLettered").Any(m => m.Text("messageId") == messageId),
            WithinAMinute,
            () => $"message {messageId} listed as dead-lettered; report: {report}");

        var deadLettered = report.Items("deadLettered").Single(m => m.Text("messageId") == messageId);
        Assert.True(deadLettered.IsFor(orderId));
        Assert.Equal(OrderTopology.MesPriceRequests.Name, deadLettered.Text("queue"));
        Assert.Equal(RoutingKeys.PriceRequested, deadLettered.Text("routingKey"));
        Assert.Equal("mes-api", deadLettered.Text("service"));
        Assert.StartsWith("Malformed PriceCalculationRequested:", deadLettered.Text("reason"), StringComparison.Ordinal);
        Assert.Contains((messageId, orderId.ToString()), await RabbitMqProbe.PeekAsync(stack.App, OrderTopology.MesPriceRequests.DeadLetterQueue));

        // The entry's order has a journey: the one span that carried its id, failed, with the same reason.
        var journey = await stack.Dashboard.JourneyAsync(orderId);
        Assert.NotNull(journey);
        var error = Assert.Single(journey.Value.Items("errors"));
        Assert.Contains(deadLettered.Text("reason")!, error.Text("reason"), StringComparison.Ordinal);
    }

    private static bool Mentions(JsonElement report, Guid orderId) =>
        report.Items("stuckOrders").Any(o => o.IsFor(orderId)) || report.Items("lostMessages").Any(m => m.IsFor(orderId));
}

using System.Net;
using System.Text;
using Jewelry.Contracts.Topology;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Npgsql;

namespace Jewelry.Tests.Lifecycle;

[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class MessagingReliabilityTests(StackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_message_delivered_twice_is_processed_once()
    {
        var order = await ApprovedOrderAsync();
        Assert.Equal(HttpStatusCode.OK, (await _orders.MesAsync(order, "start")).StatusCode);
        await _orders.WaitForStatusAsync(order, "MANUFACTURING_STARTED");
        var (messageId, body) = await ProcessedStageEventAsync(order);

        // Redeliver the very same message, as the broker does after a lost acknowledgement. Processed a
        // second time it would be a refused STARTED -> STARTED transition and land in the dead-letter queue.
        await PublishAsync(RoutingKeys.ProductionStageChanged, messageId, "ProductionStageChanged", body, order);

        // Messages on the queue are processed in order: once the next stage arrives, the duplicate was handled.
        Assert.Equal(HttpStatusCode.OK, (await _orders.MesAsync(order, "complete")).StatusCode);
        var completed = await _orders.WaitForStatusAsync(order, "MANUFACTURING_COMPLETED");

        Assert.Single(completed.History, h => h.To == "MANUFACTURING_STARTED");
        Assert.Equal(0, await CountDeadLettersAsync(OrderTopology.CrmProductionEvents, order));
    }

    [Fact]
    public async Task Orders_submitted_while_RabbitMQ_is_down_are_all_priced_once_it_is_back()
    {
        var model = StlWriter.WriteBinary(MeshFactory.SampleRing());
        var before = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            before.Add((await _orders.SubmittedOrderAsync(model)).Id);
        }

        List<Guid> during = [];
        await stack.App.StopResourceAsync("messaging", Ct);
        try
        {
            // The CRM records each price request in its outbox; nothing can be published until the broker is back.
            for (var i = 0; i < 3; i++)
            {
                during.Add((await _orders.SubmittedOrderAsync(model)).Id);
            }
        }
        finally
        {
            await stack.App.StartResourceAsync("messaging", Ct);
        }

        await stack.WaitUntilAllHealthyAsync();

        foreach (var order in before.Concat(during))
        {
            var priced = await _orders.WaitForStatusAsync(order, "PRICE_CALCULATED", TimeSpan.FromSeconds(90));
            Assert.Single(priced.History, h => h.To == "PRICE_CALCULATED");
        }

        await using var mes = new NpgsqlConnection(await stack.App.ConnectionStringAsync("mesdb"));
        await mes.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM price_calculations WHERE order_id = ANY(@ids)", mes);
        count.Parameters.AddWithValue("ids", before.Concat(during).ToArray());
        Assert.Equal(6L, (long)(await count.ExecuteScalarAsync(Ct))!);
    }

    private async Task<Guid> ApprovedOrderAsync()
    {
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.SampleRing()));
        await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
        Assert.Equal(HttpStatusCode.OK, (await _orders.CrmAsync(order.Id, "approve")).StatusCode);
        await Eventually.WaitUntilAsync(
            async () => (await stack.Mes.GetAsync($"/api/production-orders/{order.Id}", Ct)).StatusCode == HttpStatusCode.OK,
            OrderJourneyDriver.MessageHop,
            "MES has the production order");
        return order.Id;
    }

    /// <summary>The id and body of the stage event the CRM's inbox recorded for <paramref name="order"/>.</summary>
    private async Task<(string MessageId, byte[] Body)> ProcessedStageEventAsync(Guid order)
    {
        await using var mes = new NpgsqlConnection(await stack.App.ConnectionStringAsync("mesdb"));
        await mes.OpenAsync(Ct);
        await using var outbox = new NpgsqlCommand(
            "SELECT id::text, payload::text FROM outbox_messages WHERE order_id = @order AND routing_key = @key", mes);
        outbox.Parameters.AddWithValue("order", order);
        outbox.Parameters.AddWithValue("key", RoutingKeys.ProductionStageChanged);
        await using var reader = await outbox.ExecuteReaderAsync(Ct);
        // Not filtered on sent_at: the relay marks it sent only after the broker's confirm, which can come after the
        // CRM already processed the message. The CRM's inbox row below is the proof of delivery.
        Assert.True(await reader.ReadAsync(Ct), "MES wrote the stage event to its outbox");
        var messageId = reader.GetString(0);
        var body = Encoding.UTF8.GetBytes(reader.GetString(1));

        await using var shop = new NpgsqlConnection(await stack.App.ConnectionStringAsync("shopdb"));
        await shop.OpenAsync(Ct);
        await using var inbox = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", shop);
        inbox.Parameters.AddWithValue("id", messageId);
        Assert.Equal(1L, (long)(await inbox.ExecuteScalarAsync(Ct))!);
        return (messageId, body);
    }

    private Task PublishAsync(string routingKey, string messageId, string type, byte[] body, Guid order) =>
        RabbitMqProbe.PublishAsync(stack.App, routingKey, messageId, type, body, order);

    private async Task<int> CountDeadLettersAsync(QueueDefinition queue, Guid order) =>
        (await RabbitMqProbe.PeekAsync(stack.App, queue.DeadLetterQueue)).Count(m => m.OrderId == order.ToString());
}

using System.Text;
using Jewelry.Contracts.Topology;
using Jewelry.Tests.Stack;
using RabbitMQ.Client;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Talks to the stack's RabbitMQ directly, as a misbehaving publisher or an operator looking into a queue would.</summary>
internal static class RabbitMqProbe
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Publishes to the orders exchange with confirms, carrying the order id header the services set.</summary>
    public static async Task PublishAsync(DistributedApplication app, string routingKey, string messageId, string type, byte[] body, Guid orderId)
    {
        await using var connection = await ConnectAsync(app);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Ct);
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["x-order-id"] = Encoding.UTF8.GetBytes(orderId.ToString()) },
        };
        await channel.BasicPublishAsync(OrderTopology.Exchange, routingKey, mandatory: true, properties, body, Ct);
    }

    /// <summary>The messages in a queue (message id, order id header), read without taking any: each goes back where it was.</summary>
    public static async Task<List<(string? MessageId, string? OrderId)>> PeekAsync(DistributedApplication app, string queue)
    {
        await using var connection = await ConnectAsync(app);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var messages = new List<(string?, string?)>();
        var seen = new List<ulong>();
        while (await channel.BasicGetAsync(queue, autoAck: false, Ct) is { } message)
        {
            seen.Add(message.DeliveryTag);
            var orderId = message.BasicProperties.Headers?.TryGetValue("x-order-id", out var header) == true && header is byte[] bytes
                ? Encoding.UTF8.GetString(bytes)
                : null;
            messages.Add((message.BasicProperties.MessageId, orderId));
        }

        foreach (var tag in seen)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, Ct);
        }

        return messages;
    }

    private static async Task<IConnection> ConnectAsync(DistributedApplication app) =>
        await new ConnectionFactory { Uri = new Uri(await app.ConnectionStringAsync("messaging")) }.CreateConnectionAsync(Ct);
}

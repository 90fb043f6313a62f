using Jewelry.Contracts.Topology;
using RabbitMQ.Client;

namespace Jewelry.Messaging.Topology;

/// <summary>Declares the durable exchanges, work queues and their dead-letter queues. Idempotent.</summary>
public static class TopologyDeclarer
{
    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(OrderTopology.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(OrderTopology.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);

        foreach (var queue in OrderTopology.Queues)
        {
            await channel.QueueDeclareAsync(queue.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.DeadLetterQueue, OrderTopology.DeadLetterExchange, queue.Name, cancellationToken: cancellationToken);

            // Anything the broker itself rejects or expires also lands in the dead-letter queue.
            var arguments = new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = OrderTopology.DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue.Name,
            };
            await channel.QueueDeclareAsync(queue.Name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            foreach (var routingKey in queue.RoutingKeys)
            {
                await channel.QueueBindAsync(queue.Name, OrderTopology.Exchange, routingKey, cancellationToken: cancellationToken);
            }
        }
    }
}

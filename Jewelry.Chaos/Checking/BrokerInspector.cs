using System.Text;
using Jewelry.Contracts.Topology;
using RabbitMQ.Client;

namespace Jewelry.Chaos.Checking;

/// <summary>Reads the order topology's queues without consuming: dead letters are taken unacknowledged and put back.</summary>
public static class BrokerInspector
{
    private const string OrderIdHeader = "x-order-id";
    private const string ReasonHeader = "x-dead-letter-reason";

    public static async Task<BrokerState> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var depths = new Dictionary<string, uint>(StringComparer.Ordinal);
        var letters = new List<DeadLetter>();
        foreach (var queue in OrderTopology.Queues)
        {
            depths[queue.Name] = (await channel.QueueDeclarePassiveAsync(queue.Name, cancellationToken)).MessageCount;
            depths[queue.DeadLetterQueue] = (await channel.QueueDeclarePassiveAsync(queue.DeadLetterQueue, cancellationToken)).MessageCount;
            var taken = new List<ulong>();
            while (await channel.BasicGetAsync(queue.DeadLetterQueue, autoAck: false, cancellationToken) is { } message)
            {
                taken.Add(message.DeliveryTag);
                var headers = message.BasicProperties.Headers;
                letters.Add(new DeadLetter(
                    queue.DeadLetterQueue,
                    message.BasicProperties.MessageId,
                    Guid.TryParse(Text(headers, OrderIdHeader), out var orderId) ? orderId : null,
                    Text(headers, ReasonHeader) ?? "(no reason header)"));
            }

            foreach (var tag in taken)
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
            }
        }

        return new BrokerState(depths, letters);
    }

    private static string? Text(IDictionary<string, object?>? headers, string key) =>
        headers?.TryGetValue(key, out var value) == true ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            _ => value?.ToString(),
        } : null;
}

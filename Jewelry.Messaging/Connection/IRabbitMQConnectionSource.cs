using RabbitMQ.Client;

namespace Jewelry.Messaging.Connection;

/// <summary>Hands out the service's one RabbitMQ connection, waiting while the broker is unreachable.</summary>
public interface IRabbitMQConnectionSource
{
    Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken);
}

using Jewelry.ServiceDefaults.Configuration;
using Jewelry.ServiceDefaults.RabbitMQ;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

public static class RabbitMQClientExtensions
{
    /// <summary>
    /// Registers a <see cref="RabbitMQConnectionProvider"/> for the broker in
    /// <c>ConnectionStrings:{connectionName}</c> (<c>amqp://user:pass@host:port</c>). It connects in the
    /// background, retrying until the broker is up, then relies on the client's automatic recovery.
    /// The readiness check <paramref name="connectionName"/> is Healthy exactly while the connection is open.
    /// </summary>
    public static void AddRabbitMQClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<ConnectionFactory>? configureConnectionFactory = null)
    {
        var applicationName = builder.Environment.ApplicationName;

        builder.Services.AddSingleton(services =>
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(services.GetRequiredService<IConfiguration>().GetRequiredConnectionString(connectionName)),
                ClientProvidedName = applicationName,
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                RequestedHeartbeat = TimeSpan.FromSeconds(10),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            };
            configureConnectionFactory?.Invoke(factory);

            return new RabbitMQConnectionProvider(factory, services.GetRequiredService<ILogger<RabbitMQConnectionProvider>>());
        });
        builder.Services.AddHostedService(services => services.GetRequiredService<RabbitMQConnectionProvider>());

        builder.Services.AddHealthChecks().AddDependencyCheck(connectionName, services =>
            new RabbitMQHealthCheck(services.GetRequiredService<RabbitMQConnectionProvider>()));
    }
}

using Jewelry.Messaging.Connection;
using Jewelry.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jewelry.Messaging;

internal static class BrokerConnectionExtensions
{
    /// <summary>The category Aspire's RabbitMQ client integration forwards RabbitMQ.Client's event source to.</summary>
    public const string RabbitMqClientLogCategory = "RabbitMQ.Client";

    /// <summary>
    /// Aspire's RabbitMQ client for the broker in <c>ConnectionStrings:{connectionName}</c>, a
    /// <see cref="BrokerConnection"/> that resolves it in the background, and the readiness check
    /// <paramref name="connectionName"/>: Healthy while a channel can be opened on the connection.
    /// </summary>
    public static void AddBrokerConnection(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRabbitMQClient(
            connectionName,
            settings =>
            {
                // RabbitMQ.Client's deliver span starts a new trace per message and its publish span would
                // duplicate ours: Jewelry.Messaging records both sides, the broker's confirm, and one trace per chain.
                settings.DisableTracing = true;

                // Its check resolves the connection synchronously, blocking /health while the broker is down.
                settings.DisableHealthChecks = true;
            },
            factory =>
            {
                // Once connected, the client tries to reconnect every 2 s until the broker is back, then restores
                // channels, topology and consumers; a dead broker is noticed within two 10 s heartbeats.
                factory.ClientProvidedName = builder.Environment.ApplicationName;
                factory.AutomaticRecoveryEnabled = true;
                factory.TopologyRecoveryEnabled = true;
                factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(2);
                factory.RequestedHeartbeat = TimeSpan.FromSeconds(10);
                factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(5);
            });

        builder.Services.AddSingleton<BrokerConnection>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BrokerConnection>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => ActivatorUtilities.CreateInstance<BrokerHealthCheck>(services),
            HealthStatus.Unhealthy,
            [HealthEndpoints.ReadyTag],
            HealthEndpoints.DependencyCheckTimeout));

        // BrokerConnection logs a lost connection, each failed reconnect and the recovery in one line each, with the
        // reason; the client's own event source repeats them as errors with stack traces (hundreds of lines per outage).
        builder.Logging.AddFilter(RabbitMqClientLogCategory, LogLevel.Critical);
    }
}

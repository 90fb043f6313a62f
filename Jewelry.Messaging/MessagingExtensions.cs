using Jewelry.Messaging.Connection;
using Jewelry.Messaging.Consuming;
using Jewelry.Messaging.Diagnostics;
using Jewelry.Messaging.Outbox;
using Jewelry.Messaging.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Jewelry.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Connects to the broker in <c>ConnectionStrings:{connectionName}</c>, adds the transactional outbox
    /// relay for <typeparamref name="TContext"/>, and returns a builder for the queues the service consumes.
    /// </summary>
    public static MessagingBuilder<TContext> AddMessaging<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(BrokerConnection)))
        {
            builder.AddBrokerConnection(connectionName);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConfirmedPublisher>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSignalInterceptor>();
        services.TryAddSingleton<MessagingMetrics>();
        services.AddMetrics();
        services.AddOptions<ConsumerOptions>().BindConfiguration(ConsumerOptions.SectionName);
        services.ConfigureDbContext<TContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));
        services.AddHostedService<OutboxRelay<TContext>>();
        return new MessagingBuilder<TContext>(services);
    }
}

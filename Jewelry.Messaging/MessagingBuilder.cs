using Jewelry.Contracts.Topology;
using Jewelry.Messaging.Connection;
using Jewelry.Messaging.Consuming;
using Jewelry.Messaging.Diagnostics;
using Jewelry.Messaging.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jewelry.Messaging;

/// <summary>Registers the queues a service consumes and the handler for each message type.</summary>
public sealed class MessagingBuilder<TContext>(IServiceCollection services)
    where TContext : DbContext
{
    public MessagingBuilder<TContext> AddConsumer<TMessage, THandler>(QueueDefinition queue)
        where TMessage : notnull
        where THandler : class, IMessageHandler<TMessage>
    {
        services.AddScoped<THandler>();
        var registration = HandlerRegistration.For<TMessage, THandler>(queue);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(QueueRegistrations) && d.ImplementationInstance is QueueRegistrations r && r.Queue == queue);
        if (existing?.ImplementationInstance is QueueRegistrations registrations)
        {
            registrations.Handlers.Add(registration);
            return this;
        }

        var created = new QueueRegistrations(queue, [registration]);
        services.AddSingleton(created);
        services.AddSingleton<IHostedService>(sp => new QueueConsumer<TContext>(
            queue,
            created.Handlers,
            sp.GetRequiredService<BrokerConnection>(),
            sp.GetRequiredService<ConfirmedPublisher>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IOptions<ConsumerOptions>>(),
            sp.GetRequiredService<MessagingMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueConsumer<TContext>>>()));
        return this;
    }

    private sealed record QueueRegistrations(QueueDefinition Queue, List<HandlerRegistration> Handlers);
}

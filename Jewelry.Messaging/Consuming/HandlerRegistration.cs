using Jewelry.Contracts.Topology;
using Microsoft.Extensions.DependencyInjection;

namespace Jewelry.Messaging.Consuming;

/// <summary>Which handler takes which message type from which queue.</summary>
public sealed record HandlerRegistration(
    QueueDefinition Queue,
    Type MessageType,
    Func<IServiceProvider, object, MessageContext, CancellationToken, Task> Invoke)
{
    public string TypeName => MessageSerializer.TypeName(MessageType);

    public static HandlerRegistration For<TMessage, THandler>(QueueDefinition queue)
        where TMessage : notnull
        where THandler : IMessageHandler<TMessage> =>
        new(queue, typeof(TMessage), (services, message, context, ct) =>
            services.GetRequiredService<THandler>().HandleAsync((TMessage)message, context, ct));
}

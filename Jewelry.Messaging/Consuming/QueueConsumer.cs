using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jewelry.Contracts.Topology;
using Jewelry.Messaging.Connection;
using Jewelry.Messaging.Diagnostics;
using Jewelry.Messaging.Inbox;
using Jewelry.Messaging.Publishing;
using Jewelry.Messaging.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Messaging.Consuming;

/// <summary>
/// Consumes one queue. Each delivery is processed in a database transaction together with its inbox
/// row, acknowledged only after the commit, retried with backoff, and finally dead-lettered with
/// the reason in its headers. A redelivery of a processed message is acknowledged and changes nothing.
/// </summary>
public sealed class QueueConsumer<TContext>(
    QueueDefinition queue,
    IReadOnlyList<HandlerRegistration> handlers,
    BrokerConnection connections,
    ConfirmedPublisher publisher,
    IServiceScopeFactory scopes,
    IOptions<ConsumerOptions> options,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<QueueConsumer<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const string DuplicateAttribute = "messaging.jewelry.duplicate";
    private static readonly TimeSpan s_watchInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, HandlerRegistration> _handlersByType = handlers.ToDictionary(h => h.TypeName, StringComparer.Ordinal);
    private readonly KeyValuePair<string, object?> _queueTag = new("messaging.destination.name", queue.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilChannelLostAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex))
            {
                logger.LogWarning("Consumer of {Queue} lost its channel ({Reason}); starting again", queue.Name, ex.Message);
                await Task.Delay(s_watchInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Consumer of {Queue} lost its channel; starting again", queue.Name);
                await Task.Delay(s_watchInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ConsumeUntilChannelLostAsync(CancellationToken stoppingToken)
    {
        var connection = await connections.GetConnectionAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await TopologyDeclarer.DeclareAsync(channel, stoppingToken);
        await channel.BasicQosAsync(0, options.Value.Prefetch, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(queue.Name, autoAck: false, consumer, stoppingToken);
        logger.LogInformation("Consuming {Queue} ({MessageTypes})", queue.Name, string.Join(", ", _handlersByType.Keys));

        // The client recovers channels and consumers after a connection loss by itself. A channel the
        // broker closed while the connection stays up (a channel error) is never recovered: start over.
        var closedChecks = 0;
        while (closedChecks < 2)
        {
            await Task.Delay(s_watchInterval, clock, stoppingToken);
            closedChecks = channel.IsClosed && connection.IsOpen ? closedChecks + 1 : 0;
        }

        logger.LogWarning("Channel consuming {Queue} was closed by the broker: {Reason}", queue.Name, channel.CloseReason);
    }

    private async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        try
        {
            await HandleDeliveryAsync(channel, delivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the unacknowledged message goes back to the queue when the channel closes.
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            logger.LogWarning(ex, "Could not acknowledge delivery {DeliveryTag} on {Queue}; the broker will redeliver it and the inbox will recognise it",
                delivery.DeliveryTag, queue.Name);
        }
    }

    private async Task HandleDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var body = delivery.Body.ToArray();
        var properties = delivery.BasicProperties;
        var headers = ReadHeaders(properties.Headers);
        using var activity = MessagingTelemetry.StartProcess(queue, delivery.Exchange, delivery.RoutingKey, properties.MessageId ?? string.Empty, headers, body.Length);

        if (string.IsNullOrEmpty(properties.MessageId))
        {
            await DeadLetterAsync(channel, delivery, body, headers, "The message has no message id, so it cannot be processed exactly once.", 0, stoppingToken);
            return;
        }

        if (properties.Type is null || !_handlersByType.TryGetValue(properties.Type, out var handler))
        {
            await DeadLetterAsync(channel, delivery, body, headers, $"No handler on {queue.Name} for message type '{properties.Type}'.", 0, stoppingToken);
            return;
        }

        object message;
        try
        {
            message = MessageSerializer.Deserialize(body, handler.MessageType)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            await DeadLetterAsync(channel, delivery, body, headers, $"Malformed {properties.Type}: {ex.Message}", 0, stoppingToken);
            return;
        }

        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var context = new MessageContext(properties.MessageId, queue.Name, delivery.RoutingKey, delivery.Redelivered, attempt, headers);
            try
            {
                var processed = await ProcessAsync(handler, message, context, stoppingToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
                (processed ? metrics.Consumed : metrics.Duplicates).Add(1, _queueTag);
                if (!processed)
                {
                    activity?.SetTag(DuplicateAttribute, true);
                    logger.LogInformation("Message {MessageId} on {Queue} was already processed; acknowledged without processing again", context.MessageId, queue.Name);
                }

                return;
            }
            catch (PermanentMessageException ex)
            {
                await DeadLetterAsync(channel, delivery, body, headers, ex.Message, attempt, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not (AlreadyClosedException or OperationInterruptedException))
            {
                if (attempt >= maxAttempts)
                {
                    await DeadLetterAsync(channel, delivery, body, headers, $"Failed {attempt} times; last error: {ex.Message}", attempt, stoppingToken);
                    return;
                }

                var delay = options.Value.FirstRetryDelay * Math.Pow(2, attempt - 1);
                metrics.Retried.Add(1, _queueTag);
                activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
                {
                    ["attempt"] = attempt,
                    ["retry.delay_ms"] = delay.TotalMilliseconds,
                    ["exception.type"] = ex.GetType().FullName,
                    ["exception.message"] = ex.Message,
                }));
                logger.LogWarning(ex, "Processing message {MessageId} ({MessageType}) from {Queue} failed on attempt {Attempt} of {MaxAttempts}; retrying in {Delay} ms",
                    context.MessageId, properties.Type, queue.Name, attempt, maxAttempts, delay.TotalMilliseconds);
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    /// <returns>False when the inbox shows the message was processed before.</returns>
    private async Task<bool> ProcessAsync(HandlerRegistration handler, object message, MessageContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var inbox = db.Set<InboxMessage>();
            if (await inbox.AnyAsync(m => m.MessageId == context.MessageId && m.Consumer == queue.Name, ct))
            {
                return false;
            }

            inbox.Add(new InboxMessage
            {
                MessageId = context.MessageId,
                Consumer = queue.Name,
                MessageType = handler.TypeName,
                OrderId = Guid.TryParse(context.Headers.GetValueOrDefault(MessageHeaders.OrderId), out var orderId) ? orderId : null,
                ProcessedAt = clock.GetUtcNow(),
            });
            await handler.Invoke(scope.ServiceProvider, message, context, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task DeadLetterAsync(
        IChannel channel,
        BasicDeliverEventArgs delivery,
        byte[] body,
        IReadOnlyDictionary<string, string> headers,
        string reason,
        int attempts,
        CancellationToken cancellationToken)
    {
        var properties = delivery.BasicProperties;
        var deadLetterHeaders = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>())
        {
            [MessageHeaders.DeadLetterReason] = Encoding.UTF8.GetBytes(reason),
            [MessageHeaders.DeadLetterQueue] = Encoding.UTF8.GetBytes(queue.Name),
            [MessageHeaders.DeadLetterAttempts] = attempts,
            [MessageHeaders.DeadLetteredAt] = Encoding.UTF8.GetBytes(clock.GetUtcNow().ToString("O")),
        };
        var messageId = properties.MessageId ?? $"unidentified-{delivery.DeliveryTag}";
        var activity = Activity.Current;
        activity?.SetTag(MessagingTelemetry.DeadLetteredAttribute, true);
        activity?.SetTag(MessagingTelemetry.DeadLetterReasonAttribute, reason);
        activity?.SetTag("error.type", "dead_lettered");
        activity?.SetStatus(ActivityStatusCode.Error, $"Dead-lettered from {queue.Name}: {reason}");
        logger.LogError("Dead-lettering message {MessageId} ({MessageType}) for order {OrderId} from {Queue}: {Reason}",
            messageId, properties.Type, headers.GetValueOrDefault(MessageHeaders.OrderId), queue.Name, reason);
        try
        {
            await publisher.PublishAsync(
                new OutgoingMessage(OrderTopology.DeadLetterExchange, queue.Name, messageId, properties.Type ?? "unknown", body, deadLetterHeaders),
                cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        }
        catch (MessagePublishException ex)
        {
            // The queue's own dead-letter exchange still catches it, only without our reason header.
            logger.LogError(ex, "Could not publish message {MessageId} to the dead-letter exchange; rejecting it to the queue's dead-letter queue instead", messageId);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, cancellationToken);
        }

        metrics.DeadLettered.Add(1, _queueTag);
    }

    private static Dictionary<string, string> ReadHeaders(IDictionary<string, object?>? headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, object?>())
        {
            var text = value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            };
            if (text is not null)
            {
                result[name] = text;
            }
        }

        return result;
    }
}

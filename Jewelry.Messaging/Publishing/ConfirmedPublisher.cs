using Jewelry.Messaging.Connection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Messaging.Publishing;

/// <summary>
/// Publishes persistent, mandatory messages and returns only once the broker has confirmed them.
/// An unroutable, nacked or unconfirmed message throws, so the caller keeps it and retries.
/// </summary>
public sealed class ConfirmedPublisher(BrokerConnection connections, ILogger<ConfirmedPublisher> logger) : IAsyncDisposable
{
    private static readonly TimeSpan s_confirmTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            var properties = new BasicProperties
            {
                MessageId = message.MessageId,
                Type = message.MessageType,
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
                Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                Headers = message.Headers,
            };

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_confirmTimeout);
            try
            {
                await channel.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: true, properties, message.Body, timeout.Token);
            }
            catch (PublishException ex)
            {
                throw new MessagePublishException(
                    ex.IsReturn
                        ? $"The broker returned message {message.MessageId}: no queue is bound to '{message.RoutingKey}' on '{message.Exchange}'."
                        : $"The broker refused (nacked) message {message.MessageId}.",
                    ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                await DropChannelAsync();
                throw new MessagePublishException($"The broker did not confirm message {message.MessageId} within {s_confirmTimeout.TotalSeconds} s.", ex);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                await DropChannelAsync();
                throw new MessagePublishException($"The connection to the broker failed while publishing message {message.MessageId}: {ex.Message}", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropChannelAsync();
        _gate.Dispose();
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await DropChannelAsync();
        var connection = await connections.GetConnectionAsync(cancellationToken);
        _channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return _channel;
    }

    private async Task DropChannelAsync()
    {
        if (_channel is null)
        {
            return;
        }

        try
        {
            await _channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            logger.LogDebug(ex, "Publishing channel was already broken when disposed");
        }

        _channel = null;
    }
}

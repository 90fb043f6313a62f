using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Jewelry.Messaging.Connection;

/// <summary>
/// The <see cref="IConnection"/> Aspire's RabbitMQ client integration registers, resolved off the startup path.
/// The integration connects inside its DI factory, synchronously, with a bounded retry, and throws once that is
/// spent; resolving it here, in the background and again after every failure, lets the service start and report
/// itself unhealthy while the broker is down. Once connected, RabbitMQ.Client's automatic recovery reconnects
/// the same connection after the broker restarts and restores its channels, topology and consumers.
/// </summary>
public sealed class BrokerConnection(IServiceProvider services, ILogger<BrokerConnection> logger) : BackgroundService
{
    public const string NotConnectedYet = "Not connected to the broker yet.";

    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource<IConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for the first successful connect.</summary>
    public Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken = default)
        => _connected.Task.WaitAsync(cancellationToken);

    /// <summary>The connection once the first connect succeeded, open or recovering; a failed task before that.</summary>
    public Task<IConnection> CurrentAsync()
        => _connected.Task.IsCompletedSuccessfully
            ? _connected.Task
            : Task.FromException<IConnection>(new InvalidOperationException(NotConnectedYet));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The factory blocks a thread while it retries: not the host's.
                var connection = await Task.Run(services.GetRequiredService<IConnection>, stoppingToken).WaitAsync(stoppingToken);
                connection.ConnectionShutdownAsync += OnShutdownAsync;
                connection.RecoverySucceededAsync += OnRecoveredAsync;
                connection.ConnectionRecoveryErrorAsync += OnRecoveryFailedAsync;
                logger.LogInformation("Connected to RabbitMQ at {Endpoint}", connection.Endpoint);
                _connected.TrySetResult(connection);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("RabbitMQ not reachable yet; trying again: {Reason}", ex.Message);
                await Task.Delay(s_retryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            logger.LogWarning("RabbitMQ connection lost ({Reason}); recovering", args.ReplyText);
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveryFailedAsync(object sender, ConnectionRecoveryErrorEventArgs args)
    {
        logger.LogWarning("RabbitMQ reconnect failed ({Reason}); trying again", args.Exception.Message);
        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        logger.LogInformation("RabbitMQ connection recovered");
        return Task.CompletedTask;
    }
}

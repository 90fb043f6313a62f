using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Jewelry.ServiceDefaults.RabbitMQ;

/// <summary>
/// The service's one broker connection. The first connect happens in the background with retries, so
/// the service starts (and reports itself not ready) while the broker is still down; once connected,
/// RabbitMQ.Client's automatic recovery reconnects and restores topology after the broker returns.
/// </summary>
public sealed class RabbitMQConnectionProvider(IConnectionFactory factory, ILogger<RabbitMQConnectionProvider> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<IConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The connection once the first connect succeeded, open or recovering; null before that.</summary>
    public IConnection? Connection => _connected.Task.IsCompletedSuccessfully ? _connected.Task.Result : null;

    /// <summary>Waits for the first successful connect.</summary>
    public Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken = default)
        => _connected.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var untilConnected = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "RabbitMQ not reachable yet (attempt {Attempt}): {Reason}",
                        args.AttemptNumber + 1,
                        args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        var connection = await untilConnected.ExecuteAsync(
            async token => await factory.CreateConnectionAsync(token),
            stoppingToken);

        connection.ConnectionShutdownAsync += OnShutdownAsync;
        connection.RecoverySucceededAsync += OnRecoveredAsync;

        logger.LogInformation("Connected to RabbitMQ at {Endpoint}", connection.Endpoint);
        _connected.TrySetResult(connection);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        if (Connection is { IsOpen: true } connection)
        {
            await connection.CloseAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        Connection?.Dispose();
        base.Dispose();
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            logger.LogWarning("RabbitMQ connection lost ({Reason}); recovering", args.ReplyText);
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        logger.LogInformation("RabbitMQ connection recovered");
        return Task.CompletedTask;
    }
}

using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Hosting.RabbitMQ;

/// <summary>
/// Healthy while an AMQP connection to the broker is open. One connection is kept between probes (cheaper than
/// connecting every time) and opened again after the broker restarted, which closes it. While the broker boots and
/// refuses connections, a probe keeps trying for a few seconds: Aspire backs off to 5 s between failed probes, which
/// would otherwise add up to 5 s to every start of the stack.
/// </summary>
internal sealed class RabbitMQBrokerHealthCheck(Func<string?> connectionString) : IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan s_waitWhileRefused = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan s_retryWhileRefused = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return HealthCheckResult.Healthy();
            }

            await CloseAsync().ConfigureAwait(false);
            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString() ?? throw new InvalidOperationException("The connection string is not known yet.")),
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                ClientProvidedName = "jewelry-apphost-health",
            };
            var deadline = DateTime.UtcNow + s_waitWhileRefused;
            while (true)
            {
                try
                {
                    _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
                    return HealthCheckResult.Healthy();
                }
                catch (BrokerUnreachableException exception) when (IsRefused(exception) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(s_retryWhileRefused, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or SocketException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"AMQP: {exception.InnerException?.Message ?? exception.Message}");
        }
        finally
        {
            _lock.Release();
        }
    }

    private static bool IsRefused(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }

            if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(IsRefused))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        _lock.Dispose();
    }

    private async Task CloseAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or OperationInterruptedException or AlreadyClosedException)
            {
                // Already broken; nothing to close.
            }

            _connection = null;
        }
    }
}

using HealthChecks.RabbitMQ;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Messaging.Connection;

/// <summary>
/// The RabbitMQ health check of AspNetCore.Diagnostics.HealthChecks (Healthy while a channel opens on the connection),
/// asked only while the connection is open. Before the first connect and while RabbitMQ.Client recovers a lost
/// connection, the answer is Unhealthy with the reason in one line: the library's check would fail with an exception,
/// and the health service logs that with its stack trace at every probe of the outage.
/// </summary>
internal sealed class BrokerHealthCheck(IServiceProvider services, BrokerConnection broker) : IHealthCheck
{
    private readonly RabbitMQHealthCheck _check = new(services, _ => broker.CurrentAsync());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = broker.CurrentAsync();
        if (!current.IsCompletedSuccessfully)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, BrokerConnection.NotConnectedYet);
        }

        if (!current.Result.IsOpen)
        {
            var reason = current.Result.CloseReason?.ReplyText ?? "closed";
            return new HealthCheckResult(context.Registration.FailureStatus, $"RabbitMQ connection lost ({reason}); recovering.");
        }

        // The connection can break under the check (it is found broken only when it is used): the same answer, in one line.
        var result = await _check.CheckHealthAsync(context, cancellationToken);
        return result.Exception is { } failure && TransientFailures.IsTransient(failure)
            ? new HealthCheckResult(result.Status, $"RabbitMQ connection lost ({Reason(failure)}); recovering.")
            : result;
    }

    // An interrupted operation's message carries the whole shutdown record, inner stack trace included; its reply text is the reason.
    private static string Reason(Exception failure) =>
        failure is OperationInterruptedException { ShutdownReason: { } shutdown } ? shutdown.ReplyText : failure.Message;
}

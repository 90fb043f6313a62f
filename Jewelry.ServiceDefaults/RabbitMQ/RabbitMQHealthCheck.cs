using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.ServiceDefaults.RabbitMQ;

/// <summary>Healthy while the broker connection is open; reports Unhealthy while connecting or recovering.</summary>
internal sealed class RabbitMQHealthCheck(RabbitMQConnectionProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(provider.Connection switch
        {
            null => new HealthCheckResult(context.Registration.FailureStatus, "Not connected to the broker yet."),
            { IsOpen: false } => new HealthCheckResult(context.Registration.FailureStatus, "The broker connection is down; recovering."),
            _ => HealthCheckResult.Healthy(),
        });
}

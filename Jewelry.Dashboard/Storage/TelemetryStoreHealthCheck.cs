using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Dashboard.Storage;

internal sealed class TelemetryStoreHealthCheck(TelemetryStoreReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Schema applied.")
            : HealthCheckResult.Unhealthy(readiness.LastError ?? "Waiting for PostgreSQL."));
}

using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>A readiness check that calls its dependency with a span of its own, as Npgsql's and the AWS SDK's do.</summary>
internal sealed class DependencyCallCheck : IHealthCheck
{
    public const string SpanName = "dependency call";

    // A Jewelry.* source: the service defaults record those.
    private static readonly ActivitySource s_source = new("Jewelry.Tests.Dependency");

    public static void Call()
    {
        using var call = s_source.StartActivity(SpanName);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Call();
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}

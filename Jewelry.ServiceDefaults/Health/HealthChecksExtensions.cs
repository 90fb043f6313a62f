using Jewelry.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthChecksExtensions
{
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// A readiness check for a dependency, named after its connection (<c>shopdb</c>, <c>messaging</c>, <c>models</c>),
    /// reported Unhealthy when it fails or takes longer than <see cref="HealthEndpoints.DependencyCheckTimeout"/>.
    /// </summary>
    public static IHealthChecksBuilder AddDependencyCheck(
        this IHealthChecksBuilder checks,
        string name,
        Func<IServiceProvider, IHealthCheck> createCheck)
        => checks.Add(new HealthCheckRegistration(
            name,
            createCheck,
            failureStatus: HealthStatus.Unhealthy,
            tags: [HealthEndpoints.ReadyTag],
            timeout: HealthEndpoints.DependencyCheckTimeout));

    internal static WebApplication MapDefaultHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpoints.HealthPath, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        }).DisableHttpMetrics();

        app.MapHealthChecks(HealthEndpoints.AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthEndpoints.LiveTag),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        }).DisableHttpMetrics();

        return app;
    }
}

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

    /// <summary>
    /// Gives a client integration's own health check (Aspire names them after the client, e.g. <c>ShopDbContext</c>)
    /// the name, readiness tag, failure status and timeout of <see cref="AddDependencyCheck"/>, so <c>/health</c>
    /// names the dependency that failed. Fails the start when the integration registered no such check.
    /// </summary>
    public static IServiceCollection NameDependencyCheck(this IServiceCollection services, string registeredName, string name)
    {
        services.AddOptions<HealthCheckServiceOptions>()
            .PostConfigure(options =>
            {
                // Each options instance gets its own copy: the integration's registration is shared between them.
                var registered = options.Registrations.SingleOrDefault(r => r.Name == registeredName)
                    ?? throw new InvalidOperationException($"No health check named '{registeredName}' is registered to report as '{name}'.");
                options.Registrations.Remove(registered);
                options.Registrations.Add(new HealthCheckRegistration(
                    name,
                    registered.Factory,
                    HealthStatus.Unhealthy,
                    [.. registered.Tags, HealthEndpoints.ReadyTag],
                    HealthEndpoints.DependencyCheckTimeout));
            })
            .ValidateOnStart();

        return services;
    }

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

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Registers the OpenTelemetry providers in the host's own container, which is what
/// OpenTelemetry.Extensions.Hosting does; that package is not available to this build.
/// The core SDK's <c>WithTracing</c>/<c>WithMetrics</c>/<c>WithLogging</c>/<c>UseOtlpExporter</c>
/// extensions do the registration; <see cref="OpenTelemetryProvidersLifetime"/> starts and flushes them.
/// </summary>
internal sealed class HostOpenTelemetryBuilder : IOpenTelemetryBuilder
{
    private HostOpenTelemetryBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    public static IOpenTelemetryBuilder Create(IServiceCollection services)
    {
        var alreadyRegistered = services.Any(descriptor =>
            descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType == typeof(OpenTelemetryProvidersLifetime));

        if (!alreadyRegistered)
        {
            // First in the list: started before, and stopped after, every other hosted service.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, OpenTelemetryProvidersLifetime>());
        }

        return new HostOpenTelemetryBuilder(services);
    }
}

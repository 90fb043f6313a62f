using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;

namespace Jewelry.ServiceDefaults.Telemetry;

internal static class ServiceResourceExtensions
{
    /// <summary>
    /// service.name, service.version, service.instance.id and deployment.environment.name.
    /// Later detectors win, so the defaults come first and <c>OTEL_SERVICE_NAME</c> /
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c> (the AppHost sets both) override them.
    /// </summary>
    public static ResourceBuilder AddServiceDefaults(this ResourceBuilder resource, IHostEnvironment environment)
        => resource
            .Clear()
            .AddService(
                serviceName: environment.ApplicationName,
                serviceVersion: ServiceVersion.Current,
                autoGenerateServiceInstanceId: true)
            .AddAttributes([new("deployment.environment.name", environment.EnvironmentName)])
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();
}

using System.Diagnostics;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>Spans of the defaults' own work (startup migrations), recorded under the <c>Jewelry.*</c> sources.</summary>
internal static class ServiceDefaultsActivitySource
{
    public static readonly ActivitySource Instance = new(ServiceTelemetry.NamePrefix + "ServiceDefaults", ServiceVersion.Current);
}

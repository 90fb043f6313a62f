using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// The service's own <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// named <c>Jewelry.&lt;Service&gt;</c> (the application name, e.g. <c>Jewelry.ShopApi</c>) so the
/// defaults record them. Inject it wherever a service starts business spans or records metrics.
/// </summary>
public sealed class ServiceTelemetry : IDisposable
{
    public const string NamePrefix = "Jewelry.";

    public ServiceTelemetry(IHostEnvironment environment, IMeterFactory meterFactory)
    {
        Name = NameFor(environment.ApplicationName);
        Version = ServiceVersion.Current;
        ActivitySource = new ActivitySource(Name, Version);
        Meter = meterFactory.Create(Name, Version);
    }

    public string Name { get; }

    public string Version { get; }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    /// <summary>The source and meter name for an application: <c>Jewelry.</c> followed by its name, never doubled.</summary>
    public static string NameFor(string applicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationName);

        return applicationName.StartsWith(NamePrefix, StringComparison.Ordinal)
            ? applicationName
            : NamePrefix + applicationName;
    }

    public void Dispose() => ActivitySource.Dispose();
}

using System.Reflection;

namespace Jewelry.ServiceDefaults.Telemetry;

internal static class ServiceVersion
{
    /// <summary>The entry assembly's informational version (the build's <c>Version</c>, plus the commit when known).</summary>
    public static string Current { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}

using System.Text;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// The telemetry settings a running service really got, read from <c>/proc/&lt;pid&gt;/environ</c>:
/// every <c>OTEL_*</c> and <c>JEWELRY_DASHBOARD_*</c> variable and the environment name, with the OTLP API key masked.
/// </summary>
public static class ServiceEnvironment
{
    private static readonly string[] s_headersVariables = ["OTEL_EXPORTER_OTLP_HEADERS", Jewelry.Contracts.Telemetry.JewelryDashboardExport.HeadersVariable];

    /// <summary>Differ between services by design, so left out when comparing them.</summary>
    public static readonly IReadOnlySet<string> PerServiceVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "OTEL_SERVICE_NAME",
        "OTEL_RESOURCE_ATTRIBUTES",
    };

    public static SortedDictionary<string, string> TelemetrySettings(int processId)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var environ = File.ReadAllText($"/proc/{processId}/environ", Encoding.UTF8);
        foreach (var entry in environ.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var name = entry[..separator];
            if (name.StartsWith("OTEL_", StringComparison.Ordinal) || name.StartsWith("JEWELRY_DASHBOARD_", StringComparison.Ordinal) || name == "ASPNETCORE_ENVIRONMENT")
            {
                settings[name] = s_headersVariables.Contains(name) ? MaskHeaderValues(entry[(separator + 1)..]) : entry[(separator + 1)..];
            }
        }

        return settings;
    }

    private static string MaskHeaderValues(string headers) =>
        string.Join(',', headers.Split(',').Select(header => header.Contains('=', StringComparison.Ordinal) ? header[..(header.IndexOf('=', StringComparison.Ordinal) + 1)] + "***" : header));
}

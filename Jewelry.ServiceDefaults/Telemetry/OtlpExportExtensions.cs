using Jewelry.Contracts.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Up to two OTLP destinations for traces, metrics and logs, each optional: the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>_PROTOCOL</c> / <c>_HEADERS</c> (the Aspire dashboard, a collector, or a
/// test's receiver) and the Jewelry dashboard named by <see cref="JewelryDashboardExport"/>.
/// </summary>
/// <remarks>
/// <c>UseOtlpExporter()</c> cannot be combined with signal-specific exporters, so both destinations are
/// per-signal exporters: the default one reads the standard variables, the named one starts from them too and
/// is then pointed at the Jewelry dashboard. They are added after the redacting processors, so both exporters
/// receive redacted telemetry.
/// </remarks>
internal static class OtlpExportExtensions
{
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // One name per signal: options of the same name are shared, and each signal has its own path.
    private const string JewelryDashboardTraces = "jewelry-dashboard-traces";
    private const string JewelryDashboardMetrics = "jewelry-dashboard-metrics";
    private const string JewelryDashboardLogs = "jewelry-dashboard-logs";

    public static IOpenTelemetryBuilder AddOtlpExporters(this IOpenTelemetryBuilder openTelemetry, IConfiguration configuration)
    {
        // Over http/protobuf the exporters would take their HttpClient from IHttpClientFactory and with it the
        // application's resilience and service discovery handlers. The exporter retries by itself, and those
        // handlers' services are disposed before the providers flush at shutdown, which loses the last batch.
        openTelemetry.Services.ConfigureAll<OtlpExporterOptions>(options =>
            options.HttpClientFactory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds) });

        if (!string.IsNullOrWhiteSpace(configuration[StandardEndpointVariable]))
        {
            openTelemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logs => logs.AddOtlpExporter());
        }

        if (JewelryDashboardDestination.FromConfiguration(configuration) is { } dashboard)
        {
            openTelemetry
                .WithTracing(tracing => tracing.AddOtlpExporter(JewelryDashboardTraces, options => dashboard.Configure(options, "v1/traces")))
                .WithMetrics(metrics => metrics.AddOtlpExporter(JewelryDashboardMetrics, (options, reader) =>
                {
                    dashboard.Configure(options, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = dashboard.MetricExportIntervalMilliseconds;
                }))
                .WithLogging(logs => logs.AddOtlpExporter(JewelryDashboardLogs, options => dashboard.Configure(options, "v1/logs")));
        }

        return openTelemetry;
    }
}

namespace Jewelry.Contracts.Telemetry;

/// <summary>
/// How a service learns where the Jewelry dashboard receives OTLP, beside the standard <c>OTEL_EXPORTER_OTLP_*</c>
/// variables (which point at the Aspire dashboard or a collector): the AppHost sets these, ServiceDefaults reads them
/// and adds a second exporter, so each dashboard works without the other.
/// </summary>
public static class JewelryDashboardExport
{
    /// <summary>The dashboard's OTLP endpoint, e.g. <c>http://localhost:4317</c>; no second exporter when unset.</summary>
    public const string EndpointVariable = "JEWELRY_DASHBOARD_OTLP_ENDPOINT";

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>, as <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    public const string ProtocolVariable = "JEWELRY_DASHBOARD_OTLP_PROTOCOL";

    /// <summary>Headers in the <c>OTEL_EXPORTER_OTLP_HEADERS</c> format, e.g. <c>x-otlp-api-key=...</c>.</summary>
    public const string HeadersVariable = "JEWELRY_DASHBOARD_OTLP_HEADERS";

    /// <summary>
    /// Milliseconds between metric exports to the Jewelry dashboard (default <see cref="DefaultMetricExportInterval"/>).
    /// Aspire asks for one a second (<c>OTEL_METRIC_EXPORT_INTERVAL=1000</c>) so its live charts move; the durable
    /// store does not need that, and every point of every service each second kept PostgreSQL writing on an idle stack.
    /// </summary>
    public const string MetricExportIntervalVariable = "JEWELRY_DASHBOARD_METRIC_EXPORT_INTERVAL";

    public const int DefaultMetricExportInterval = 15_000;
}

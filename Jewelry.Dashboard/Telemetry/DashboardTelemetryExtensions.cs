using Jewelry.Dashboard.Otlp;

namespace Jewelry.Dashboard.Telemetry;

public static class DashboardTelemetryExtensions
{
    /// <summary>
    /// The dashboard's own traces, metrics and logs, through ServiceDefaults, to the standard OTLP exporter (the Aspire
    /// dashboard when the AppHost runs it). The OTLP it receives is not traced: each export would be a span of its own.
    /// It never exports to itself: the AppHost gives it no Jewelry dashboard destination.
    /// </summary>
    public static WebApplicationBuilder AddDashboardTelemetry(this WebApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry(OtlpRoutes.HttpPrefix + "/", OtlpRoutes.GrpcPrefix);
        return builder;
    }
}

namespace Jewelry.Dashboard.Ingest;

public enum TelemetrySignal
{
    Traces,
    Logs,
    Metrics,
}

namespace Jewelry.Dashboard.Storage;

public static class TelemetryStoreOptions
{
    /// <summary><c>ConnectionStrings:telemetrydb</c>, as the AppHost injects it.</summary>
    public const string ConnectionStringName = "telemetrydb";
}

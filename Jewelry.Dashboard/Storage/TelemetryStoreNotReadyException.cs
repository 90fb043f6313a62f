namespace Jewelry.Dashboard.Storage;

public sealed class TelemetryStoreNotReadyException : Exception
{
    public TelemetryStoreNotReadyException()
        : base("The telemetry store is not ready yet (the database is being created or is unreachable).")
    {
    }

    public TelemetryStoreNotReadyException(string message)
        : base(message)
    {
    }

    public TelemetryStoreNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Jewelry.Dashboard.Otlp;

/// <summary>What an exporter is told, over OTLP/HTTP and OTLP/gRPC alike, when the ingest queue refuses its request.</summary>
internal static class OtlpRefusal
{
    public const string QueueFullMessage = "The dashboard's ingest queue is full or stopping; retry later.";
}

namespace Jewelry.Dashboard.Otlp;

/// <summary>Where OTLP arrives: below these paths on the OTLP/HTTP and OTLP/gRPC ports.</summary>
public static class OtlpRoutes
{
    /// <summary>OTLP/HTTP: <c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>.</summary>
    public const string HttpPrefix = "/v1";

    /// <summary>OTLP/gRPC: <c>/opentelemetry.proto.collector.trace.v1.TraceService/Export</c> and its two siblings.</summary>
    public const string GrpcPrefix = "/opentelemetry.proto.collector.";
}

using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary>
/// <c>opentelemetry.proto.collector.trace.v1.TraceService/Export</c>, bound by <see cref="OtlpExportMethodProvider{TService, TRequest, TResponse}"/>.
/// </summary>
public sealed class TraceGrpcService(TraceExportHandler handler)
{
    public Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request) =>
        handler.ExportOverGrpc(request);
}

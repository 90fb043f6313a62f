using Grpc.Core;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary><c>opentelemetry.proto.collector.trace.v1.TraceService/Export</c>.</summary>
public sealed class TraceGrpcService(TraceExportHandler handler) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context) =>
        handler.ExportOverGrpc(request);
}

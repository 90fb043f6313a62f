using Grpc.Core;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary><c>opentelemetry.proto.collector.logs.v1.LogsService/Export</c>.</summary>
public sealed class LogsGrpcService(LogExportHandler handler) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context) =>
        handler.ExportOverGrpc(request);
}

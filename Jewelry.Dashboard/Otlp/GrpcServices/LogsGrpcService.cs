using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary>
/// <c>opentelemetry.proto.collector.logs.v1.LogsService/Export</c>, bound by <see cref="OtlpExportMethodProvider{TService, TRequest, TResponse}"/>.
/// </summary>
public sealed class LogsGrpcService(LogExportHandler handler)
{
    public Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request) =>
        handler.ExportOverGrpc(request);
}

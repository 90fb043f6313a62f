using Grpc.Core;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary><c>opentelemetry.proto.collector.metrics.v1.MetricsService/Export</c>.</summary>
public sealed class MetricsGrpcService(MetricExportHandler handler) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
        handler.ExportOverGrpc(request);
}

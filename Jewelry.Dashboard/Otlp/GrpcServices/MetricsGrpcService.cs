using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary>
/// <c>opentelemetry.proto.collector.metrics.v1.MetricsService/Export</c>, bound by <see cref="OtlpExportMethodProvider{TService, TRequest, TResponse}"/>.
/// </summary>
public sealed class MetricsGrpcService(MetricExportHandler handler)
{
    public Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request) =>
        handler.ExportOverGrpc(request);
}

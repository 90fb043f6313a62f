using Google.Protobuf;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;

namespace Jewelry.Dashboard.Otlp;

public sealed class MetricExportHandler(IngestBuffer queue, IngestCounters counters)
    : OtlpExportHandler<ExportMetricsServiceRequest, ExportMetricsServiceResponse>(queue, counters)
{
    public override TelemetrySignal Signal => TelemetrySignal.Metrics;

    protected override MessageParser<ExportMetricsServiceRequest> Parser => ExportMetricsServiceRequest.Parser;

    protected override DecodedExport Decode(ExportMetricsServiceRequest request) => MetricDecoder.Decode(request);

    protected override ExportMetricsServiceResponse CreateResponse(long rejected, string? errorMessage) => new ExportMetricsServiceResponse
    {
        PartialSuccess = rejected == 0 ? null : new ExportMetricsPartialSuccess { RejectedDataPoints = rejected, ErrorMessage = errorMessage ?? string.Empty },
    };
}

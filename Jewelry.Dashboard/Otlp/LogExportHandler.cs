using Google.Protobuf;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;

namespace Jewelry.Dashboard.Otlp;

public sealed class LogExportHandler(IngestBuffer queue, IngestCounters counters)
    : OtlpExportHandler<ExportLogsServiceRequest, ExportLogsServiceResponse>(queue, counters)
{
    public override TelemetrySignal Signal => TelemetrySignal.Logs;

    protected override MessageParser<ExportLogsServiceRequest> Parser => ExportLogsServiceRequest.Parser;

    protected override DecodedExport Decode(ExportLogsServiceRequest request) => LogDecoder.Decode(request);

    protected override ExportLogsServiceResponse CreateResponse(long rejected, string? errorMessage) => new ExportLogsServiceResponse
    {
        PartialSuccess = rejected == 0 ? null : new ExportLogsPartialSuccess { RejectedLogRecords = rejected, ErrorMessage = errorMessage ?? string.Empty },
    };
}

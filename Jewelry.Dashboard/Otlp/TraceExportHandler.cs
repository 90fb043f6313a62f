using Google.Protobuf;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Dashboard.Otlp;

public sealed class TraceExportHandler(IngestBuffer queue, IngestCounters counters)
    : OtlpExportHandler<ExportTraceServiceRequest, ExportTraceServiceResponse>(queue, counters)
{
    public override TelemetrySignal Signal => TelemetrySignal.Traces;

    protected override MessageParser<ExportTraceServiceRequest> Parser => ExportTraceServiceRequest.Parser;

    protected override DecodedExport Decode(ExportTraceServiceRequest request) => TraceDecoder.Decode(request);

    protected override ExportTraceServiceResponse CreateResponse(long rejected, string? errorMessage) => new ExportTraceServiceResponse
    {
        PartialSuccess = rejected == 0 ? null : new ExportTracePartialSuccess { RejectedSpans = rejected, ErrorMessage = errorMessage ?? string.Empty },
    };
}

using Google.Protobuf;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Otlp.Decoding;

namespace Jewelry.Dashboard.Otlp;

/// <summary>
/// One OTLP signal end to end, shared by the HTTP and gRPC endpoints: parse the request, decode it to
/// records, queue them as a whole, and build the export response (with partial success for invalid records).
/// </summary>
public abstract class OtlpExportHandler<TRequest, TResponse>(IngestBuffer queue, IngestCounters counters)
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    public abstract TelemetrySignal Signal { get; }

    protected abstract MessageParser<TRequest> Parser { get; }

    public TRequest ParseProtobuf(byte[] body)
    {
        try
        {
            return Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new OtlpFormatException($"The body is not a valid protobuf {typeof(TRequest).Name}: {exception.Message}", exception);
        }
    }

    public TRequest ParseJson(byte[] body) => OtlpJson.Parse<TRequest>(body);

    public OtlpExportOutcome<TResponse> Export(TRequest request)
    {
        var decoded = Decode(request);
        counters.Invalid(Signal, decoded.Rejected);
        var accepted = queue.TryEnqueue(decoded.Batch);
        return new OtlpExportOutcome<TResponse>(accepted, CreateResponse(decoded.Rejected, decoded.RejectionReason));
    }

    protected abstract DecodedExport Decode(TRequest request);

    protected abstract TResponse CreateResponse(long rejected, string? errorMessage);
}

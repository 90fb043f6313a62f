using Google.Protobuf;
using Grpc.Core;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

internal static class OtlpGrpcExport
{
    /// <summary>
    /// The export response (with partial success for invalid records), or UNAVAILABLE when the ingest queue refused
    /// the request: the status OTLP exporters retry with backoff.
    /// </summary>
    public static Task<TResponse> ExportOverGrpc<TRequest, TResponse>(this OtlpExportHandler<TRequest, TResponse> handler, TRequest request)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>
    {
        var outcome = handler.Export(request);
        return outcome.Accepted
            ? Task.FromResult(outcome.Response)
            : throw new RpcException(new Status(StatusCode.Unavailable, OtlpRefusal.QueueFullMessage));
    }
}

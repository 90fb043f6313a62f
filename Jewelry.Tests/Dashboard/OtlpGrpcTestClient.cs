using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Jewelry.Dashboard.Otlp;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// A real gRPC client (Grpc.Net.Client) calling the dashboard's TraceService/Export, named by the service descriptor
/// generated from the dashboard's protos. The dashboard generates server code only, so the method is bound here.
/// </summary>
internal sealed class OtlpGrpcTestClient(DashboardProcess dashboard) : IDisposable
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> _export = new(
        MethodType.Unary,
        TraceService.Descriptor.FullName,
        TraceService.Descriptor.Methods.Single().Name,
        Marshallers.Create(request => request.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
        Marshallers.Create(response => response.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(dashboard.OtlpGrpcUrl);

    public string? ApiKey { get; init; } = dashboard.ApiKey;

    /// <summary>Exports; <paramref name="gzip"/> compresses the request message (<c>grpc-encoding: gzip</c>).</summary>
    public async Task<ExportTraceServiceResponse> ExportAsync(ExportTraceServiceRequest request, bool gzip = false)
    {
        var headers = new Metadata();
        if (ApiKey is not null)
        {
            headers.Add(OtlpOptions.ApiKeyHeaderName, ApiKey);
        }

        if (gzip)
        {
            // Grpc.Net.Client's documented per-call switch for request message compression.
            headers.Add("grpc-internal-encoding-request", "gzip");
        }

        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30), TestContext.Current.CancellationToken);
        return await _channel.CreateCallInvoker().AsyncUnaryCall(_export, null, options, request);
    }

    public void Dispose() => _channel.Dispose();
}

using System.Globalization;
using Google.Protobuf;
using Jewelry.Dashboard.Listeners;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Otlp;

/// <summary>
/// OTLP/gRPC served directly on Kestrel over HTTP/2 (Grpc.AspNetCore is not available here): each
/// <c>Export</c> method is a POST of one length-prefixed message, answered with one and a <c>grpc-status</c> trailer.
/// </summary>
public static class OtlpGrpcEndpoints
{
    public const string TraceExportPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string LogsExportPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
    public const string MetricsExportPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    public static IEndpointRouteBuilder MapOtlpGrpc(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty)
            .RequireListener(DashboardListenerKinds.OtlpGrpc)
            .AllowAnonymous()
            .ExcludeFromDescription();

        group.MapPost(TraceExportPath, (HttpContext context, TraceExportHandler handler) => ExportAsync(context, handler));
        group.MapPost(LogsExportPath, (HttpContext context, LogExportHandler handler) => ExportAsync(context, handler));
        group.MapPost(MetricsExportPath, (HttpContext context, MetricExportHandler handler) => ExportAsync(context, handler));
        return endpoints;
    }

    private static async Task ExportAsync<TRequest>(HttpContext context, OtlpExportHandler<TRequest> handler)
        where TRequest : IMessage<TRequest>, new()
    {
        var request = context.Request;
        var response = context.Response;
        if (!context.RequestServices.GetRequiredService<OtlpApiKeyValidator>().IsAuthorized(request))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        response.ContentType = "application/grpc";
        response.Headers["grpc-accept-encoding"] = "identity,gzip";

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<OtlpOptions>>().Value.MaxRequestBytes;
        OtlpExportOutcome outcome;
        try
        {
            var body = await OtlpPayload.ReadBodyAsync(request, maxBytes, context.RequestAborted);
            var message = GrpcMessageFraming.ReadSingleMessage(body, request.Headers["grpc-encoding"], maxBytes);
            outcome = handler.Export(handler.ParseProtobuf(message));
        }
        catch (OtlpFormatException exception)
        {
            Complete(response, GrpcStatusCode.InvalidArgument, exception.Message);
            return;
        }
        catch (OtlpRequestTooLargeException exception)
        {
            Complete(response, GrpcStatusCode.ResourceExhausted, exception.Message);
            return;
        }
        catch (NotSupportedException exception)
        {
            Complete(response, GrpcStatusCode.Unimplemented, exception.Message);
            return;
        }

        if (!outcome.Accepted)
        {
            Complete(response, GrpcStatusCode.Unavailable, "The dashboard's ingest queue is full or stopping; retry later.");
            return;
        }

        await response.Body.WriteAsync(GrpcMessageFraming.Frame(outcome.Response.ToByteArray()), context.RequestAborted);
        Complete(response, GrpcStatusCode.Ok, message: null);
    }

    private static void Complete(HttpResponse response, GrpcStatusCode status, string? message)
    {
        response.AppendTrailer("grpc-status", ((int)status).ToString(CultureInfo.InvariantCulture));
        if (message is not null)
        {
            response.AppendTrailer("grpc-message", GrpcMessageFraming.EncodeMessage(message));
        }
    }
}

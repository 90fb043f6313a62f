using Google.Protobuf;
using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Otlp.Proto.Rpc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jewelry.Dashboard.Otlp;

/// <summary>OTLP/HTTP: <c>POST /v1/traces|logs|metrics</c>, protobuf or JSON bodies, optionally gzip.</summary>
public static class OtlpHttpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";
    private const string JsonContentType = "application/json";

    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(OtlpRoutes.HttpPrefix)
            .RequireListener(DashboardListenerKinds.OtlpHttp)
            .AllowAnonymous()
            .ExcludeFromDescription();

        if (endpoints.ServiceProvider.GetRequiredService<IOptions<OtlpOptions>>().Value.Cors.IsEnabled)
        {
            group.RequireCors(OtlpCorsOptions.PolicyName);
        }

        group.MapPost("/traces", (HttpContext context, TraceExportHandler handler) => ReceiveAsync(context, handler));
        group.MapPost("/logs", (HttpContext context, LogExportHandler handler) => ReceiveAsync(context, handler));
        group.MapPost("/metrics", (HttpContext context, MetricExportHandler handler) => ReceiveAsync(context, handler));
        return endpoints;
    }

    private static async Task ReceiveAsync<TRequest, TResponse>(HttpContext context, OtlpExportHandler<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>
    {
        var request = context.Request;
        var response = context.Response;
        if (!context.RequestServices.GetRequiredService<OtlpApiKeyValidator>().IsAuthorized(request))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var isJson = IsMediaType(request.ContentType, JsonContentType);
        if (!isJson && !IsMediaType(request.ContentType, ProtobufContentType) && !IsMediaType(request.ContentType, "application/protobuf"))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await response.WriteAsync($"Content-Type must be {ProtobufContentType} or {JsonContentType}.", context.RequestAborted);
            return;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await response.WriteAsync("Content-Encoding must be gzip or identity.", context.RequestAborted);
            return;
        }

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<OtlpOptions>>().Value.MaxRequestBytes;
        OtlpExportOutcome<TResponse> outcome;
        try
        {
            var body = await OtlpPayload.ReadBodyAsync(request, maxBytes, context.RequestAborted);
            if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                body = OtlpPayload.Gunzip(body, maxBytes);
            }

            var message = isJson ? handler.ParseJson(body) : handler.ParseProtobuf(body);
            outcome = handler.Export(message);
        }
        catch (OtlpFormatException exception)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, isJson, new Status { Code = 3, Message = exception.Message });
            return;
        }
        catch (OtlpRequestTooLargeException exception)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, isJson, new Status { Code = 8, Message = exception.Message });
            return;
        }

        if (!outcome.Accepted)
        {
            // 503 with Retry-After is the OTLP/HTTP signal for "retryable, back off".
            response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, isJson,
                new Status { Code = 14, Message = OtlpRefusal.QueueFullMessage });
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, isJson, outcome.Response);
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, bool json, IMessage message)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        if (json)
        {
            response.ContentType = JsonContentType;
            await response.WriteAsync(JsonFormatter.Default.Format(message), context.RequestAborted);
        }
        else
        {
            response.ContentType = ProtobufContentType;
            await response.Body.WriteAsync(message.ToByteArray(), context.RequestAborted);
        }
    }

    private static bool IsMediaType(string? contentType, string expected) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase);
}

using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Otlp.GrpcServices;
using Microsoft.AspNetCore.Http.Features;

namespace Jewelry.Dashboard.Otlp;

/// <summary>OTLP/gRPC on Grpc.AspNetCore: the TraceService, MetricsService and LogsService of the OTLP protos.</summary>
public static class OtlpGrpcEndpoints
{
    public static IEndpointRouteBuilder MapOtlpGrpc(this IEndpointRouteBuilder endpoints)
    {
        Map<TraceGrpcService>(endpoints);
        Map<MetricsGrpcService>(endpoints);
        Map<LogsGrpcService>(endpoints);
        return endpoints;
    }

    private static void Map<TService>(IEndpointRouteBuilder endpoints)
        where TService : class =>
        endpoints.MapGrpcService<TService>()
            .RequireListener(DashboardListenerKinds.OtlpGrpc)
            .AllowAnonymous()
            .Add(endpoint => endpoint.RequestDelegate = BeforeTheMessageIsRead(endpoint.RequestDelegate!));

    private static RequestDelegate BeforeTheMessageIsRead(RequestDelegate call) => context =>
    {
        if (!context.RequestServices.GetRequiredService<OtlpApiKeyValidator>().IsAuthorized(context.Request))
        {
            // Refused before a byte of the message is read or inflated; gRPC clients report 401 as UNAUTHENTICATED.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        // The message is bounded by GrpcServiceOptions.MaxReceiveMessageSize (Dashboard:Otlp:MaxRequestBytes);
        // Kestrel's own body limit (30 MB) would otherwise cut in first, below the configured one, as UNKNOWN.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        return call(context);
    };
}

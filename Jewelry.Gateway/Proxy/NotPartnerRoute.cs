using Jewelry.Contracts.Orders;

namespace Jewelry.Gateway.Proxy;

/// <summary>Whatever is not a partner route, whatever the method: 404 with problem details, never forwarded.</summary>
public static class NotPartnerRoute
{
    public static IEndpointRouteBuilder MapNotPartnerRoute(this IEndpointRouteBuilder app)
    {
        app.MapFallback("{**path}", () => TypedResults.Problem(
            $"The partner gateway serves only the seller routes under {SellerApi.Orders}.",
            statusCode: StatusCodes.Status404NotFound));
        return app;
    }
}

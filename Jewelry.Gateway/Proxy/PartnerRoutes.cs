using Jewelry.Contracts.Orders;
using Jewelry.Contracts.Security;
using Jewelry.Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Jewelry.Gateway.Proxy;

/// <summary>
/// The only routes the gateway forwards: the MES's seller routes, each with the scope it needs and the partner's
/// rate limit. Any other path (the MES's operator routes among them) has no route here and is answered 404.
/// </summary>
public static class PartnerRoutes
{
    public const string MesCluster = "mes";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig
        {
            RouteId = "place-order",
            ClusterId = MesCluster,
            AuthorizationPolicy = PartnerScopes.OrdersWrite,
            RateLimiterPolicy = PartnerRateLimit.Policy,
            Match = new RouteMatch { Path = SellerApi.Orders, Methods = [HttpMethods.Post] },
        },
        new RouteConfig
        {
            RouteId = "read-orders",
            ClusterId = MesCluster,
            AuthorizationPolicy = PartnerScopes.OrdersRead,
            RateLimiterPolicy = PartnerRateLimit.Policy,
            Match = new RouteMatch { Path = SellerApi.Orders + "/{**rest}", Methods = [HttpMethods.Get] },
        },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(string mesAddress) =>
    [
        new ClusterConfig
        {
            ClusterId = MesCluster,
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
            {
                ["mes-api"] = new DestinationConfig { Address = mesAddress },
            },
        },
    ];
}

using Jewelry.Gateway;
using Jewelry.Gateway.Proxy;

namespace Microsoft.Extensions.Hosting;

public static class PartnerProxyExtensions
{
    /// <summary>YARP with <see cref="PartnerRoutes"/>; <c>https://mes-api</c> resolved by service discovery.</summary>
    public static IHostApplicationBuilder AddPartnerProxy(this IHostApplicationBuilder builder)
    {
        var mesAddress = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>()?.MesAddress ?? new GatewayOptions().MesAddress;
        builder.Services.AddReverseProxy()
            .LoadFromMemory(PartnerRoutes.Routes, PartnerRoutes.Clusters(mesAddress))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}

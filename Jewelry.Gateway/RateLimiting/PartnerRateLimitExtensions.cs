using System.Threading.RateLimiting;
using Jewelry.Gateway;
using Jewelry.Gateway.RateLimiting;
using Jewelry.ServiceDefaults.RateLimiting;
using Jewelry.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class PartnerRateLimitExtensions
{
    /// <summary>
    /// A token bucket per partner (the token's client id), sized by <c>Gateway:RateLimit</c> or the partner's own
    /// <c>Gateway:ClientRateLimits:{clientId}</c>. It runs after authorization, so only authenticated calls count.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerRateLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName);
        builder.Services.AddRateLimiter(options => options
            .RejectWithProblemDetails("This partner is over its request rate limit; nothing was done.")
            .AddPolicy(PartnerRateLimit.Policy, context =>
            {
                var clientId = context.User.GetClientId() ?? "";
                var settings = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimitOf(clientId);
                return RateLimitPartition.GetTokenBucketLimiter(clientId, _ => settings.ToOptions());
            }));
        return builder;
    }
}

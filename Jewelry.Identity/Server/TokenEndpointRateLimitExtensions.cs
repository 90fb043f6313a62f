using System.Threading.RateLimiting;
using Jewelry.Contracts.Security;
using Jewelry.Identity.Server;
using Jewelry.ServiceDefaults.RateLimiting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class TokenEndpointRateLimitExtensions
{
    /// <summary>
    /// Token requests are limited per caller address (a token bucket) and in how many are verified at once, before
    /// OpenIddict hashes the secret: a global limiter, because OpenIddict verifies the secret in the authentication
    /// middleware, before any endpoint runs (call <c>UseRateLimiter</c> before <c>UseAuthentication</c>). A flood of wrong secrets is answered 429 and cannot occupy every core.
    /// </summary>
    public static IHostApplicationBuilder AddTokenEndpointRateLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectWithProblemDetails("Too many token requests from this address.");
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsTokenRequest(context)
                    ? RateLimitPartition.GetTokenBucketLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => Settings(context).TokenEndpointRateLimit.ToOptions())
                    : RateLimitPartition.GetNoLimiter("other")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsTokenRequest(context)
                    ? RateLimitPartition.GetConcurrencyLimiter(TokenServer.TokenPath, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = Settings(context).TokenEndpointConcurrency,
                        QueueLimit = 32,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("other")));
        });

        return builder;
    }

    private static bool IsTokenRequest(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(TokenServer.TokenPath, StringComparison.OrdinalIgnoreCase);

    private static IdentityOptions Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
}

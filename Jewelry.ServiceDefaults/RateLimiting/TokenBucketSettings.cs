using System.Threading.RateLimiting;

namespace Jewelry.ServiceDefaults.RateLimiting;

/// <summary>A token bucket as configuration: <c>TokenLimit</c> requests at once, refilled by <c>TokensPerPeriod</c> every <c>ReplenishmentPeriod</c>.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; } = 100;

    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No queue: a caller over the limit is told at once when to come back.</summary>
    public TokenBucketRateLimiterOptions ToOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

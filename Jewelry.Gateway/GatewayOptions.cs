using Jewelry.ServiceDefaults.RateLimiting;

namespace Jewelry.Gateway;

/// <summary>The gateway's settings, section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Where the MES is: a service discovery name (<c>https://mes-api</c>) or an address.</summary>
    public string MesAddress { get; set; } = "https://mes-api";

    /// <summary>Every partner's token bucket, unless <see cref="ClientRateLimits"/> names the partner.</summary>
    public TokenBucketSettings RateLimit { get; set; } = new();

    /// <summary>Partners with a contract of their own, by client id.</summary>
    public Dictionary<string, TokenBucketSettings> ClientRateLimits { get; } = new(StringComparer.Ordinal);

    public TokenBucketSettings RateLimitOf(string clientId) =>
        ClientRateLimits.TryGetValue(clientId, out var own) ? own : RateLimit;
}

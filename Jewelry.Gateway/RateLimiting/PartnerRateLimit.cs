namespace Jewelry.Gateway.RateLimiting;

public static class PartnerRateLimit
{
    public const string Policy = "partner";
}

namespace Jewelry.Hosting;

/// <summary>The outcome of one health probe.</summary>
internal readonly record struct HealthStatus(bool IsHealthy, string? Reason)
{
    public static HealthStatus Healthy { get; } = new(true, null);

    public static HealthStatus Unhealthy(string reason) => new(false, reason);
}

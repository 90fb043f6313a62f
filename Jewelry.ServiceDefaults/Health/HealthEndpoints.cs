namespace Jewelry.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Readiness: every dependency is checked; 200 when all are Healthy, 503 otherwise.</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: the process answers. Only checks tagged <see cref="LiveTag"/> run (none by default).</summary>
    public const string AlivePath = "/alive";

    public const string LiveTag = "live";

    public const string ReadyTag = "ready";

    /// <summary>How long a dependency check may take before it is reported Unhealthy.</summary>
    public static readonly TimeSpan DependencyCheckTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>Whether a request path is one of the probe endpoints, or below one.</summary>
    public static bool IsProbePath(string path)
        => IsAtOrBelow(path, HealthPath) || IsAtOrBelow(path, AlivePath);

    private static bool IsAtOrBelow(string path, string endpoint)
        => path.StartsWith(endpoint, StringComparison.OrdinalIgnoreCase)
            && (path.Length == endpoint.Length || path[endpoint.Length] == '/');
}

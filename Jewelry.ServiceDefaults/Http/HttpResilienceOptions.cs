namespace Jewelry.ServiceDefaults.Http;

/// <summary>Timeouts and retries for every HttpClient, bound from <c>HttpClientDefaults:Resilience</c>.</summary>
public sealed class HttpResilienceOptions
{
    public const string SectionName = "HttpClientDefaults:Resilience";

    /// <summary>The whole call, every attempt and backoff included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff; it doubles with each retry, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}

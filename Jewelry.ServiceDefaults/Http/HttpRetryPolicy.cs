using System.Net;
using Polly;
using Polly.Timeout;

namespace Jewelry.ServiceDefaults.Http;

/// <summary>
/// Which failed attempts are retried. Transient failures are connection errors, attempt timeouts,
/// 408, 429 and 5xx. Idempotent requests retry on all of them; POST and PATCH only when the server
/// cannot have acted on the request (no connection, 408, 429, 503), so an order is never submitted twice.
/// </summary>
internal static class HttpRetryPolicy
{
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        var idempotent = method is not null && IsIdempotent(method);

        return outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => idempotent,
            { Result: { } response } => IsTransient(response.StatusCode)
                && (idempotent || WasNotProcessed(response.StatusCode)),
            _ => false,
        };
    }

    public static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get
            || method == HttpMethod.Head
            || method == HttpMethod.Options
            || method == HttpMethod.Trace
            || method == HttpMethod.Put
            || method == HttpMethod.Delete;

    public static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)status >= 500;

    private static bool WasNotProcessed(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>The server's <c>Retry-After</c>, when it sent one, capped at <paramref name="maxDelay"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay, DateTimeOffset now)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - now);

        return delay is { } value && value > TimeSpan.Zero
            ? TimeSpan.FromTicks(Math.Min(value.Ticks, maxDelay.Ticks))
            : null;
    }
}

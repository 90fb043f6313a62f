using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Jewelry.ServiceDefaults.Http;

/// <summary>
/// Which failed attempts the standard resilience handler retries. It calls every transient failure retryable
/// (connection errors, attempt timeouts, 408, 429, 5xx) whatever the method. Idempotent requests keep that;
/// a POST or PATCH is sent again only when the server cannot have acted on it (no connection, 408, 429, 503),
/// so an order is never submitted twice when the first attempt failed half-way.
/// </summary>
internal static class UnsafeMethodRetries
{
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var outcome = args.Outcome;
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return ValueTask.FromResult(false);
        }

        var method = outcome.Result?.RequestMessage?.Method ?? args.Context.GetRequestMessage()?.Method;
        return ValueTask.FromResult(method is not null && (IsIdempotent(method) || WasNotProcessed(outcome)));
    }

    private static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get
            || method == HttpMethod.Head
            || method == HttpMethod.Options
            || method == HttpMethod.Trace
            || method == HttpMethod.Put
            || method == HttpMethod.Delete;

    private static bool WasNotProcessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
        { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };
}

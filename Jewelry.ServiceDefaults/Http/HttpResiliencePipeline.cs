using Polly;
using Polly.Retry;

namespace Jewelry.ServiceDefaults.Http;

/// <summary>Total timeout, then bounded retries with exponential backoff and jitter, then a per-attempt timeout.</summary>
internal static class HttpResiliencePipeline
{
    public const string ServiceKey = "http-client-defaults";

    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("jewelry.http.request");

    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider timeProvider)
        => new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(HttpRetryPolicy.ShouldRetry(
                    args.Context.Properties.GetValue(RequestKey, null!)?.Method,
                    args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(HttpRetryPolicy.RetryAfter(
                    args.Outcome.Result,
                    options.RetryMaxDelay,
                    timeProvider.GetUtcNow())),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
}

using System.Net;
using Jewelry.ServiceDefaults.Http;
using Polly;
using Polly.Timeout;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class HttpRetryPolicyTests
{
    private static Outcome<HttpResponseMessage> Status(HttpStatusCode status) => Outcome.FromResult(new HttpResponseMessage(status));

    private static Outcome<HttpResponseMessage> Failure(Exception exception) => Outcome.FromException<HttpResponseMessage>(exception);

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void Idempotent_requests_retry_transient_statuses(HttpStatusCode status)
    {
        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, Status(status)));
        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Put, Status(status)));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public void Success_and_client_errors_are_not_retried(HttpStatusCode status)
        => Assert.False(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, Status(status)));

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.BadGateway, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, false)]
    public void Post_retries_only_statuses_that_mean_the_request_was_not_processed(HttpStatusCode status, bool retried)
        => Assert.Equal(retried, HttpRetryPolicy.ShouldRetry(HttpMethod.Post, Status(status)));

    [Fact]
    public void Connection_failures_are_retried_for_every_method()
    {
        var refused = Failure(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, refused));
        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Post, refused));
        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Patch, refused));
    }

    [Fact]
    public void Failures_after_the_request_may_have_arrived_are_retried_only_when_idempotent()
    {
        var resetMidResponse = Failure(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"));
        var attemptTimedOut = Failure(new TimeoutRejectedException());

        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, resetMidResponse));
        Assert.True(HttpRetryPolicy.ShouldRetry(HttpMethod.Delete, attemptTimedOut));
        Assert.False(HttpRetryPolicy.ShouldRetry(HttpMethod.Post, resetMidResponse));
        Assert.False(HttpRetryPolicy.ShouldRetry(HttpMethod.Post, attemptTimedOut));
    }

    [Fact]
    public void Other_exceptions_are_not_retried()
    {
        Assert.False(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, Failure(new OperationCanceledException())));
        Assert.False(HttpRetryPolicy.ShouldRetry(HttpMethod.Get, Failure(new InvalidOperationException())));
    }

    [Fact]
    public void Retry_after_is_honoured_and_capped()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var maxDelay = TimeSpan.FromSeconds(5);

        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.RetryAfter = new(TimeSpan.FromSeconds(2));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new(now.AddSeconds(3));
        using var tooLong = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        tooLong.Headers.RetryAfter = new(TimeSpan.FromMinutes(10));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(2), HttpRetryPolicy.RetryAfter(delta, maxDelay, now));
        Assert.Equal(TimeSpan.FromSeconds(3), HttpRetryPolicy.RetryAfter(date, maxDelay, now));
        Assert.Equal(maxDelay, HttpRetryPolicy.RetryAfter(tooLong, maxDelay, now));
        Assert.Null(HttpRetryPolicy.RetryAfter(none, maxDelay, now));
        Assert.Null(HttpRetryPolicy.RetryAfter(null, maxDelay, now));
    }
}

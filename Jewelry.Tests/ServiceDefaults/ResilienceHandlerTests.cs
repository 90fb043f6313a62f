using System.Net;
using Jewelry.ServiceDefaults.Http;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class ResilienceHandlerTests
{
    private static readonly HttpResilienceOptions _fastOptions = new()
    {
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(200),
        TotalTimeout = TimeSpan.FromSeconds(5),
    };

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Attempts, statuses.Length - 1)];
            Attempts++;
            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request });
        }
    }

    private static HttpClient ClientOver(HttpMessageHandler inner)
        => new(new ResilienceHandler(HttpResiliencePipeline.Create(_fastOptions, TimeProvider.System)) { InnerHandler = inner })
        {
            BaseAddress = new Uri("http://crm-api"),
        };

    [Fact]
    public async Task A_get_is_retried_until_it_succeeds()
    {
        var inner = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var client = ClientOver(inner);

        using var response = await client.GetAsync(new Uri("/orders", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Attempts);
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        var inner = new ScriptedHandler(HttpStatusCode.ServiceUnavailable);
        using var client = ClientOver(inner);

        using var response = await client.GetAsync(new Uri("/orders", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1 + _fastOptions.MaxRetryAttempts, inner.Attempts);
    }

    [Fact]
    public async Task A_post_that_failed_on_the_server_is_not_sent_twice()
    {
        var inner = new ScriptedHandler(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        using var client = ClientOver(inner);
        using var content = new StringContent("{}");

        using var response = await client.PostAsync(new Uri("/orders", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, inner.Attempts);
    }
}

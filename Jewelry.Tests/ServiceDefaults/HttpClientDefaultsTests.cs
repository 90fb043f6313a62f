using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>
/// Every HttpClient the defaults configure, through the real handler pipeline (standard resilience handler,
/// service discovery) against a local server that counts the attempts it receives.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HttpClientDefaultsTests : IAsyncLifetime
{
    private const string CrmAddress = "https+http://crm-api";

    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private WebApplication _crm = null!;
    private IHost _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var crm = WebApplication.CreateSlimBuilder();
        crm.WebHost.UseUrls("http://127.0.0.1:0");
        crm.Logging.ClearProviders();
        _crm = crm.Build();
        _crm.MapPost("/price-requests", () => Answer("POST /price-requests", StatusCodes.Status500InternalServerError, StatusCodes.Status200OK));
        _crm.MapPost("/approvals", () => Answer("POST /approvals", StatusCodes.Status503ServiceUnavailable, StatusCodes.Status200OK));
        _crm.MapGet("/orders", () => Answer("GET /orders", StatusCodes.Status502BadGateway, StatusCodes.Status200OK));
        _crm.MapGet("/stuck-orders", () => Answer("GET /stuck-orders", StatusCodes.Status404NotFound, StatusCodes.Status200OK));
        await _crm.StartAsync(Ct);

        var shop = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        shop.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:crm-api:http:0"] = _crm.Urls.First(),
            // The standard handler's backoff, shortened so a retried attempt does not take seconds.
            ["HttpClientDefaults:Resilience:Retry:Delay"] = "00:00:00.010",
        });
        shop.AddHttpClientDefaults();
        shop.Services.AddHttpClient("crm", client => client.BaseAddress = new Uri(CrmAddress));
        _shop = shop.Build();
        await _shop.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _shop.StopAsync(Ct);
        _shop.Dispose();
        await _crm.DisposeAsync();
    }

    [Fact]
    public async Task A_post_the_server_failed_on_is_sent_once()
    {
        using var response = await Crm().PostAsync("/price-requests", content: null, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, Attempts("POST /price-requests"));
    }

    [Fact]
    public async Task A_post_the_server_refused_before_acting_is_sent_again()
    {
        using var response = await Crm().PostAsync("/approvals", content: null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Attempts("POST /approvals"));
    }

    [Fact]
    public async Task A_get_is_retried_after_a_server_error()
    {
        using var response = await Crm().GetAsync("/orders", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Attempts("GET /orders"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        using var response = await Crm().GetAsync("/stuck-orders", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, Attempts("GET /stuck-orders"));
    }

    [Fact]
    public async Task A_logical_address_prefers_https_when_the_service_has_an_https_endpoint()
    {
        var shop = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        shop.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:crm-api:http:0"] = "http://127.0.0.1:5080",
            ["services:crm-api:https:0"] = "https://127.0.0.1:5443",
        });
        shop.AddHttpClientDefaults();
        using var host = shop.Build();

        var endpoints = await host.Services.GetRequiredService<ServiceEndpointResolver>().GetEndpointsAsync(CrmAddress, Ct);

        Assert.Equal("https://127.0.0.1:5443/", Assert.Single(endpoints.Endpoints).ToString());
    }

    private HttpClient Crm() => _shop.Services.GetRequiredService<IHttpClientFactory>().CreateClient("crm");

    private int Attempts(string request) => _attempts.GetValueOrDefault(request);

    /// <summary>The first attempt at a request is answered <paramref name="first"/>, every later one <paramref name="later"/>.</summary>
    private StatusCodeHttpResult Answer(string request, int first, int later)
        => TypedResults.StatusCode(_attempts.AddOrUpdate(request, 1, (_, count) => count + 1) == 1 ? first : later);
}

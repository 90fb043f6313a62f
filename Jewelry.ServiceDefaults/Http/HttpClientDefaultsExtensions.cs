using Jewelry.ServiceDefaults.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

public static class HttpClientDefaultsExtensions
{
    /// <summary>Binds <c>HttpStandardResilienceOptions</c> (<c>Retry:MaxRetryAttempts</c>, <c>AttemptTimeout:Timeout</c>, ...).</summary>
    public const string ResilienceSection = "HttpClientDefaults:Resilience";

    /// <summary>
    /// Every HttpClient from <see cref="System.Net.Http.IHttpClientFactory"/> resolves logical service addresses
    /// (<c>https+http://crm-api</c> from <c>services:crm-api:https:0</c> or <c>services:crm-api:http:0</c>) and
    /// goes through the standard resilience handler, whose retries respect <see cref="UnsafeMethodRetries"/>.
    /// </summary>
    public static TBuilder AddHttpClientDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // As client defaults, every client would share one pipeline, so a circuit opened by one destination (a
            // stopped dashboard's OTLP receiver) would refuse calls to all others: keep one per authority.
            http.AddStandardResilienceHandler(resilience =>
                {
                    builder.Configuration.GetSection(ResilienceSection).Bind(resilience);
                    resilience.Retry.ShouldHandle = UnsafeMethodRetries.ShouldRetry;
                })
                .SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });

        return builder;
    }
}

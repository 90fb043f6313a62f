using Jewelry.ServiceDefaults.Http;
using Jewelry.ServiceDefaults.ServiceDiscovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

public static class HttpClientDefaultsExtensions
{
    /// <summary>
    /// Every HttpClient from <see cref="System.Net.Http.IHttpClientFactory"/> resolves logical service
    /// addresses (<c>http://crm-api</c>) and retries transient failures within bounded timeouts.
    /// </summary>
    public static TBuilder AddHttpClientDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<HttpResilienceOptions>().BindConfiguration(HttpResilienceOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ServiceEndpointResolver>();
        builder.Services.TryAddKeyedSingleton(HttpResiliencePipeline.ServiceKey, (services, _) =>
            HttpResiliencePipeline.Create(
                services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value,
                services.GetRequiredService<TimeProvider>()));

        builder.Services.ConfigureHttpClientDefaults(http => http
            .AddHttpMessageHandler(services => new ResilienceHandler(
                services.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(HttpResiliencePipeline.ServiceKey)))
            .AddHttpMessageHandler(services => new ServiceDiscoveryHandler(
                services.GetRequiredService<ServiceEndpointResolver>())));

        return builder;
    }
}

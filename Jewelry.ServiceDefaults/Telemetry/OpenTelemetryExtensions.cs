using Jewelry.ServiceDefaults.Health;
using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry.Extensions.Hosting and the ASP.NET Core, HttpClient and
    /// runtime instrumentation, plus the tracing contract's own pieces (full-tracing sampler, baggage on every
    /// span, database span names, redaction). The SDK reads the standard <c>OTEL_*</c> variables; see
    /// <see cref="OtlpExportExtensions"/> for where telemetry goes.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="untracedPathPrefixes">
    /// Request paths, besides the health probes, that get no server span (and so none below it): a telemetry
    /// receiver's own ingest, say, which would otherwise trace every export it receives.
    /// </param>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, params string[] untracedPathPrefixes)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton<ServiceTelemetry>();

        // .NET carries traceparent, tracestate and the Activity's baggage over HTTP by itself, and order.id
        // travels in the Activity's baggage. The SDK's default composite propagator would make the
        // instrumentation overwrite that baggage header with OpenTelemetry's separate Baggage.Current.
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddServiceDefaults(builder.Environment))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // Probes come every few seconds; the spans under a filtered request are dropped with it.
                    aspNetCore.Filter = context => !HealthEndpoints.IsProbePath(context.Request.Path)
                        && !untracedPathPrefixes.Any(prefix => context.Request.Path.Value?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true);
                    aspNetCore.EnrichWithHttpResponse = ServerErrorEnricher.Enrich;
                })
                .AddHttpClientInstrumentation(httpClient => httpClient.EnrichWithHttpRequestMessage = HttpClientSpanNames.Enrich)
                .AddSource(ServiceTelemetry.NamePrefix + "*")
                .ConfigureSampler((_, sampler) => new FullTracingSampler(sampler))
                .AddProcessor(new BaggageToTagsProcessor())
                .AddProcessor(new DatabaseSpanEnricher())
                .AddProcessor(new RedactingActivityProcessor()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ServiceTelemetry.NamePrefix + "*"))
            .WithLogging(logs => logs.AddProcessor(new RedactingLogProcessor()), configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            })
            .AddOtlpExporters(builder.Configuration);

        return builder;
    }

    internal static IApplicationBuilder UseOrderRouteTagging(this IApplicationBuilder app)
        => app.UseMiddleware<OrderRouteTagger>();
}

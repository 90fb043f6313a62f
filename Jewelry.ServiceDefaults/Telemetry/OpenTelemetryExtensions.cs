using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    private const string SuppressAspNetCoreActivityDataSwitch = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";

    /// <summary>
    /// Traces, metrics and logs through the OpenTelemetry SDK, built inside the host's container.
    /// The SDK reads the standard <c>OTEL_*</c> variables from configuration (service name, resource
    /// attributes, sampler, batch and metric intervals, OTLP endpoint, protocol and headers).
    /// Telemetry is exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    /// <remarks>
    /// The sampler is pluggable: the SDK picks one (<c>OTEL_TRACES_SAMPLER</c>, or parent-based
    /// always-on), and <c>ConfigureSampler</c> callbacks wrap it; health probes are dropped by the outermost wrapper here.
    /// </remarks>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // On .NET 10 the ASP.NET Core server activity carries no HTTP tags unless this switch is off.
        // It is read when the host creates its hosting diagnostics, after this call.
        AppContext.SetSwitch(SuppressAspNetCoreActivityDataSwitch, false);

        builder.Services.TryAddSingleton<ServiceTelemetry>();

        var openTelemetry = HostOpenTelemetryBuilder.Create(builder.Services)
            .ConfigureResource(resource => resource.AddServiceDefaults(builder.Environment))
            .WithTracing(tracing => tracing
                .AddSource(TelemetrySources.ActivitySources)
                .ConfigureSampler((_, sampler) => new HealthEndpointsExcludingSampler(new FullTracingSampler(sampler)))
                .AddProcessor(new BaggageToTagsProcessor())
                .AddProcessor(new DatabaseSpanEnricher())
                .AddProcessor(new RedactingActivityProcessor()))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetrySources.Meters))
            .WithLogging(logs => logs.AddProcessor(new RedactingLogProcessor()), configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            openTelemetry.UseOtlpExporter();
        }

        return builder;
    }

    internal static IApplicationBuilder UseHttpServerActivityEnrichment(this IApplicationBuilder app)
        => app.UseMiddleware<HttpServerActivityEnricher>().UseMiddleware<OrderRouteTagger>();
}

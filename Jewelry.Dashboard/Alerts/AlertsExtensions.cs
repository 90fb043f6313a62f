using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

public static class AlertsExtensions
{
    /// <summary>The resilience of webhook calls: <c>HttpStandardResilienceOptions</c> (<c>Retry:MaxRetryAttempts</c>, <c>AttemptTimeout:Timeout</c>, ...).</summary>
    public const string DeliverySection = AlertOptions.SectionName + ":Delivery";

    /// <summary>Alert rules evaluated against the store, their state, and webhooks in Alertmanager's format (needs <c>AddOrderTracking</c> and <c>AddStageStatistics</c>).</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        builder.Services.AddSingleton<AlertRuleWindows>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertCounters>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddHostedService<AlertEvaluationService>();
        builder.Services.AddHostedService<WebhookDeliveryService>();

        // Alertmanager's receivers take a notification twice without harm, so every transient failure is retried, POST or not.
        // One pipeline (and circuit breaker) per receiver URL: a failing receiver must not open the circuit of a healthy
        // one on the same host.
        builder.Services.AddHttpClient(WebhookDeliveryService.HttpClientName)
            .AddStandardResilienceHandler(resilience => builder.Configuration.GetSection(DeliverySection).Bind(resilience))
            .SelectPipelineBy(_ => request => request.RequestUri?.GetLeftPart(UriPartial.Path) ?? string.Empty);
        return builder;
    }
}

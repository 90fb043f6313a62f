namespace Jewelry.Dashboard.Broker;

public static class BrokerMetricsExtensions
{
    /// <summary>RabbitMQ's queue depths, unacknowledged messages and consumers, read from its management API and stored as metrics.</summary>
    public static WebApplicationBuilder AddBrokerMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrokerMetricsOptions>().BindConfiguration(BrokerMetricsOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, $"{BrokerMetricsOptions.SectionName}:Interval must be positive.")
            .Validate(o => o.ManagementUrl is null || (o.ManagementUrl.IsAbsoluteUri && o.ManagementUrl.Scheme is "http" or "https"), $"{BrokerMetricsOptions.SectionName}:ManagementUrl must be an absolute http:// or https:// URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<QueueMetricsQueries>();
        builder.Services.AddHostedService<QueueMetricsCollector>();
        builder.Services.AddHttpClient(QueueMetricsCollector.HttpClientName).AddStandardResilienceHandler();
        return builder;
    }
}

namespace Jewelry.Dashboard.Ingest;

public static class IngestExtensions
{
    /// <summary>The bounded queue and the batch writer between the OTLP receivers and the store.</summary>
    public static WebApplicationBuilder AddIngestPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName);
        builder.Services.AddSingleton<IngestCounters>();
        builder.Services.AddSingleton<IngestBuffer>();
        builder.Services.AddHostedService<BatchWriterService>();
        return builder;
    }
}

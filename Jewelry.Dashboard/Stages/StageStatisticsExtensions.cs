namespace Jewelry.Dashboard.Stages;

public static class StageStatisticsExtensions
{
    /// <summary>Stage statistics: per status and per hop durations, error rates and slowest orders (needs <c>AddOrderTracking</c>).</summary>
    public static WebApplicationBuilder AddStageStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StageStatisticsQueries>();
        return builder;
    }
}

using Jewelry.Dashboard.Orders.State;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Orders;

public static class OrderTrackingExtensions
{
    /// <summary>Order journeys and stuck or lost orders, read from the stored telemetry.</summary>
    public static WebApplicationBuilder AddOrderTracking(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderTrackingOptions>().BindConfiguration(OrderTrackingOptions.SectionName)
            .PostConfigure(ApplyThresholdOverrides)
            .Validate(o => o.LostMessageAfter > TimeSpan.Zero, "Dashboard:Orders:LostMessageAfter must be positive.")
            .Validate(o => o.LookBack > TimeSpan.Zero, "Dashboard:Orders:LookBack must be positive.")
            .Validate(o => o.Statuses.All(s => s.Name.Length > 0), "Dashboard:Orders:Statuses: every status needs a Name.")
            .Validate(o => o.Statuses.All(s => s.Threshold is null || s.Threshold > TimeSpan.Zero), "Dashboard:Orders:Statuses: a Threshold must be positive.")
            .Validate(o => o.Thresholds.Keys.All(name => o.Find(name) is { Threshold: not null }), "Dashboard:Orders:Thresholds: every key must be a listed status that has a threshold (not a final one).")
            .ValidateOnStart();
        builder.Services.AddOptions<StateRetentionOptions>().BindConfiguration(StateRetentionOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, "Dashboard:State:Interval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StateRetentionOptions>, StateRetentionValidator>();
        builder.Services.AddSingleton<StateRetention>();
        builder.Services.AddHostedService<StateRetentionService>();
        builder.Services.AddSingleton<OrderJourneyQueries>();
        builder.Services.AddSingleton<StuckOrderQueries>();
        return builder;
    }

    private static void ApplyThresholdOverrides(OrderTrackingOptions options)
    {
        foreach (var (name, threshold) in options.Thresholds)
        {
            if (options.Find(name) is { Threshold: not null } status)
            {
                status.Threshold = threshold;
            }
        }
    }
}

namespace Jewelry.Dashboard.Orders;

public static class OrderTrackingExtensions
{
    /// <summary>Order journeys and stuck or lost orders, read from the stored telemetry.</summary>
    public static WebApplicationBuilder AddOrderTracking(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderTrackingOptions>().BindConfiguration(OrderTrackingOptions.SectionName)
            .Validate(o => o.LostMessageAfter > TimeSpan.Zero, "Dashboard:Orders:LostMessageAfter must be positive.")
            .Validate(o => o.LookBack > TimeSpan.Zero, "Dashboard:Orders:LookBack must be positive.")
            .Validate(o => o.Statuses.All(s => s.Name.Length > 0), "Dashboard:Orders:Statuses: every status needs a Name.")
            .Validate(o => o.Statuses.All(s => s.Threshold is null || s.Threshold > TimeSpan.Zero), "Dashboard:Orders:Statuses: a Threshold must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderJourneyQueries>();
        builder.Services.AddSingleton<StuckOrderQueries>();
        return builder;
    }
}

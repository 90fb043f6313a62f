using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Orders;
using Jewelry.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// <c>--demo-thresholds</c>: an order whose message is not consumed counts as stuck after 20 s instead of 5 minutes, and
/// its message as lost after 15 s instead of 2, and the dashboard's alert rules run every 5 s, so the stuck-orders demo
/// and its alerts show within seconds. Only the statuses that wait for a message are shortened: orders waiting for a
/// person would otherwise all look stuck.
/// </summary>
public static class DemoThresholdsExtensions
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan LostMessageAfter = TimeSpan.FromSeconds(15);

    /// <summary>How often the dashboard evaluates its alert rules in the demo, instead of every 30 s.</summary>
    public static readonly TimeSpan AlertInterval = TimeSpan.FromSeconds(5);

    private static readonly OrderStatus[] s_waitingForMessages = [OrderStatus.Submitted, OrderStatus.ManufacturingApproved];

    /// <summary>Sets the demo thresholds, when the switch is on, under <paramref name="thresholdsSection"/> (<c>Section__STATUS</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithDemoThresholds(this IResourceBuilder<ProjectResource> service, string thresholdsSection)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!IsOn(service.ApplicationBuilder))
        {
            return service;
        }

        foreach (var status in s_waitingForMessages)
        {
            service.WithEnvironment($"{thresholdsSection}__{status.ToName()}", Threshold.ToString("c"));
        }

        return service;
    }

    public static bool IsOn(IDistributedApplicationBuilder builder) => builder.Configuration.GetValue<bool>(AppHostSettings.DemoThresholds);
}

using Jewelry.Dashboard.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Dashboard;

/// <summary><c>Dashboard:Orders:Thresholds:{STATUS}</c> overrides one status's threshold without repeating the list.</summary>
[Trait("Category", "Unit")]
public sealed class OrderTrackingOptionsTests
{
    private static OrderTrackingOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Dashboard:Orders:Statuses:0:Name"] = "SUBMITTED",
            ["Dashboard:Orders:Statuses:0:Threshold"] = "00:05:00",
            ["Dashboard:Orders:Statuses:1:Name"] = "PRICE_CALCULATED",
            ["Dashboard:Orders:Statuses:1:Threshold"] = "2.00:00:00",
            ["Dashboard:Orders:Statuses:2:Name"] = "CLOSED",
        });
        builder.AddOrderTracking();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<OrderTrackingOptions>>().Value;
    }

    [Fact]
    public void An_override_replaces_only_the_named_statuses_threshold()
    {
        var options = Bind(new() { ["Dashboard:Orders:Thresholds:submitted"] = "00:00:20" });

        Assert.Equal(TimeSpan.FromSeconds(20), options.Find("SUBMITTED")!.Threshold);
        Assert.Equal(TimeSpan.FromDays(2), options.Find("PRICE_CALCULATED")!.Threshold);
    }

    [Theory]
    [InlineData("SHIPPED")]
    [InlineData("CLOSED")]
    public void An_override_of_an_unlisted_or_final_status_is_refused(string status)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"Dashboard:Orders:Thresholds:{status}"] = "00:00:20" }));

        Assert.Contains("Dashboard:Orders:Thresholds", error.Message, StringComparison.Ordinal);
    }
}

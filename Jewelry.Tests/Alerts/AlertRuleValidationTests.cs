using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Alerts;

/// <summary>A rule the dashboard could not evaluate as written is refused at start, with a message naming the setting.</summary>
[Trait("Category", "Unit")]
public sealed class AlertRuleValidationTests
{
    private static AlertOptions Load(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Dashboard:Orders:Statuses:0:Name"] = "SUBMITTED",
            ["Dashboard:Orders:Statuses:0:Threshold"] = "00:05:00",
            ["Dashboard:Orders:Statuses:0:Queue"] = "mes.price-requests",
            ["Dashboard:Orders:LostMessageAfter"] = "00:02:00",
            ["Dashboard:Retention:MaxAge"] = "2.00:00:00",
        });
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        builder.AddOrderTracking();
        builder.AddAlerts();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<AlertOptions>>().Value;
    }

    private static string Refusal(Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => Load(settings)).Message;

    [Fact]
    public void Rules_of_every_kind_with_their_settings_are_accepted()
    {
        var options = Load(new()
        {
            ["Dashboard:Alerts:Rules:stuck:Kind"] = "StuckOrders",
            ["Dashboard:Alerts:Rules:lost:Kind"] = "lostmessages",
            ["Dashboard:Alerts:Rules:lost:After"] = "00:05:00",
            ["Dashboard:Alerts:Rules:dead:Kind"] = "DeadLettered",
            ["Dashboard:Alerts:Rules:errors:Kind"] = "ErrorRate",
            ["Dashboard:Alerts:Rules:errors:Target"] = "Hop",
            ["Dashboard:Alerts:Rules:errors:Threshold"] = "5",
            ["Dashboard:Alerts:Rules:slow:Kind"] = "P95",
            ["Dashboard:Alerts:Rules:slow:Status"] = "SUBMITTED",
            ["Dashboard:Alerts:Rules:slow:Latency"] = "00:01:00",
            ["Dashboard:Alerts:Rules:slow:Window"] = "1.00:00:00",
            ["Dashboard:Alerts:Receivers:chat:Url"] = "https://chat.example/hook",
        });

        Assert.Equal(5, options.Rules.Count);
        Assert.Equal(new Uri("https://chat.example/hook"), options.Receivers["chat"].Url);
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_setting_and_the_known_kinds()
    {
        var message = Refusal(new() { ["Dashboard:Alerts:Rules:typo:Kind"] = "StuckOrder" });

        Assert.Contains("Dashboard:Alerts:Rules:typo:Kind 'StuckOrder' is not a rule kind", message, StringComparison.Ordinal);
        Assert.Contains("StuckOrders, LostMessages, DeadLettered, ErrorRate, P95", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StuckOrders", "-1")]
    [InlineData("ErrorRate", "-0.5")]
    public void A_negative_threshold_is_refused(string kind, string threshold)
    {
        var message = Refusal(new() { ["Dashboard:Alerts:Rules:r:Kind"] = kind, ["Dashboard:Alerts:Rules:r:Threshold"] = threshold });

        Assert.Contains("Dashboard:Alerts:Rules:r:Threshold must not be negative", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_longer_than_retention_is_refused_naming_both_settings()
    {
        var message = Refusal(new() { ["Dashboard:Alerts:Rules:dead:Kind"] = "DeadLettered", ["Dashboard:Alerts:Rules:dead:Window"] = "3.00:00:00" });

        Assert.Contains("Dashboard:Alerts:Rules:dead:Window (3.00:00:00) is longer than Dashboard:Retention:MaxAge (2.00:00:00)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_message_wait_shorter_than_the_lost_message_threshold_is_refused()
    {
        var message = Refusal(new() { ["Dashboard:Alerts:Rules:lost:Kind"] = "LostMessages", ["Dashboard:Alerts:Rules:lost:After"] = "00:00:30" });

        Assert.Contains("Dashboard:Alerts:Rules:lost:After (00:00:30) is shorter than Dashboard:Orders:LostMessageAfter (00:02:00)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dashboard:Alerts:Rules:slow:Kind", "P95", "Dashboard:Alerts:Rules:slow:Latency is required")]
    [InlineData("Dashboard:Alerts:Rules:slow:Target", "Queue", "Dashboard:Alerts:Rules:slow:Target 'Queue' is not Status or Hop")]
    [InlineData("Dashboard:Alerts:Rules:slow:Status", "PRICED", "Dashboard:Alerts:Rules:slow:Status 'PRICED' is not one of Dashboard:Orders:Statuses")]
    [InlineData("Dashboard:Alerts:Rules:slow:Severity", "page-me", "Dashboard:Alerts:Rules:slow:Severity 'page-me' is not one of critical, warning, info")]
    [InlineData("Dashboard:Alerts:Receivers:chat:Url", "chat.example/hook", "Dashboard:Alerts:Receivers:chat:Url must be an absolute http:// or https:// URL")]
    [InlineData("Dashboard:Alerts:Interval", "00:00:00", "Dashboard:Alerts:Interval must be positive")]
    public void Other_settings_it_could_not_use_are_refused_by_name(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Dashboard:Alerts:Rules:slow:Kind"] = "ErrorRate", [key] = value };

        Assert.Contains(expected, Refusal(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_percentage_of_100_or_more_is_refused()
    {
        var message = Refusal(new() { ["Dashboard:Alerts:Rules:errors:Kind"] = "ErrorRate", ["Dashboard:Alerts:Rules:errors:Threshold"] = "150" });

        Assert.Contains("Dashboard:Alerts:Rules:errors:Threshold is a percentage of failed spans and must be below 100", message, StringComparison.Ordinal);
    }
}

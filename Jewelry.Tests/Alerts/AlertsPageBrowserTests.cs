using System.Text;
using Jewelry.Contracts.Topology;
using Jewelry.Tests.Browser;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jewelry.Tests.Alerts;

/// <summary>
/// The Alerts page as support opens it in a browser: a firing dead-letter alert with its stage, service, queue and
/// reason, the order it concerns linked to that order's journey, and the webhooks it was sent to.
/// </summary>
[Collection(AlertsCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class AlertsPageBrowserTests(AlertsStackFixture stack, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string DeadLettered = "messages-dead-lettered";

    [Fact]
    public async Task Support_sees_the_firing_alert_with_its_stage_and_reason_and_follows_the_order_to_its_journey()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var orderId = Guid.NewGuid();
        // The CRM's production events: the poison test needs the first firing on the MES's price requests to be its own;
        // the hanging-receiver test takes this queue's alert firing already.
        await RabbitMqProbe.PublishAsync(stack.App, RoutingKeys.ProductionStageChanged, Guid.NewGuid().ToString(), "ProductionStageChanged", Encoding.UTF8.GetBytes("[]"), orderId);
        var queue = OrderTopology.CrmProductionEvents.Name;
        await Eventually.WaitUntilAsync(
            async () => (await stack.Dashboard.AlertsAsync()).AlertOf(DeadLettered, queue) is { } alert && alert.OrderIds().Contains(orderId.ToString()),
            TimeSpan.FromSeconds(60),
            () => $"{DeadLettered} for {queue} with order {orderId}");

        await using var context = await chromium.NewContextAsync(1400);
        var signIn = await context.APIRequest.PostAsync(Url("/api/login"), new() { DataObject = new { userName = DemoUsers.SupportName, password = DemoUsers.SupportPassword } });
        Assert.True(signIn.Ok, $"support signs in: {signIn.Status}");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/alerts"));

        var row = page.Locator($"#firing ~ table[data-testid=alerts] tr[data-rule='{DeadLettered}']").Filter(new() { HasText = queue });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-state", "Firing");
        await Expect(row).ToContainTextAsync("crm-api");
        await Expect(row).ToContainTextAsync($"Consumer of {queue}");
        await Expect(row).ToContainTextAsync("Malformed ProductionStageChanged");
        await Expect(row).ToContainTextAsync($"{WebhookReceiver.Ok} (firing):");
        var link = row.GetByRole(AriaRole.Link, new() { Name = orderId.ToString(), Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", $"/orders/{orderId}");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the alerts page fits a 1,400 px window");
        await HeadlessChromium.ScreenshotAsync(page, "alerts-support-1400");

        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"/orders/{orderId}"));
    }

    private string Url(string path) => stack.DashboardUrl.ToString().TrimEnd('/') + path;
}

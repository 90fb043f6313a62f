using Aspire.Hosting.ApplicationModel;
using Jewelry.Contracts.Topology;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Browser;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;
using Microsoft.Playwright;

namespace Jewelry.Tests.Orders;

/// <summary>The journey and stuck-orders pages in headless Chromium, on telemetry of the real services.</summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderTrackingBrowserTests(OrderTrackingStackFixture stack, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private readonly OrderJourneyDriver _orders = new(stack);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_journey_page_shows_a_closed_orders_statuses_and_chains()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await _orders.CompleteAsync(order.Id);
        await stack.Dashboard.WaitForClosedJourneyAsync(order.Id);

        // Support's view: the order id typed into the top bar's search, from the stuck page.
        await using var context = await SupportContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/orders/stuck"));
        await page.GetByLabel("Find an order id").FillAsync(order.Id.ToString());
        await page.GetByLabel("Find an order id").PressAsync("Enter");
        await page.WaitForURLAsync(Url($"/orders/{order.Id}"));

        await Assertions.Expect(page.GetByTestId("journey-status")).ToHaveTextAsync("CLOSED");
        await Assertions.Expect(page.GetByTestId("journey-statuses").Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("journey-statuses").Locator("tbody tr").First).ToContainTextAsync("INITIATED");
        Assert.True(await page.GetByTestId("journey-chain").CountAsync() >= 8, "a chain per request or message that moved the order");
        await Assertions.Expect(page.GetByTestId("journey-chain").Filter(new() { HasText = "process mes.price-requests" })).ToHaveCountAsync(1);
        await HeadlessChromium.ScreenshotAsync(page, "orders-01-journey-closed");

        // From a step to its full trace.
        await page.GetByTestId("journey-chain").Filter(new() { HasText = "process mes.price-requests" }).GetByRole(AriaRole.Link, new() { Name = "Open full trace" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/traces/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("waterfall")).ToContainTextAsync("process mes.price-requests");
    }

    [Fact]
    public async Task The_stuck_page_lists_an_order_waiting_for_a_stopped_mes_and_links_to_its_journey()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        await stack.App.StopResourceAsync("mes-api", Ct);
        try
        {
            var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
            await Eventually.WaitUntilAsync(
                async () => (await stack.Dashboard.StuckAsync()).IsListedAsWaitingForPrice(order.Id),
                TimeSpan.FromSeconds(60),
                $"order {order.Id} is listed as stuck and its message as lost");

            await using var context = await SupportContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(Url("/orders/stuck"));
            var stuckRow = page.GetByTestId("stuck-orders").Locator($"tr[data-order-id='{order.Id}']");
            await Assertions.Expect(stuckRow).ToContainTextAsync("SUBMITTED");
            await Assertions.Expect(stuckRow).ToContainTextAsync(OrderTopology.MesPriceRequests.Name);
            await Assertions.Expect(stuckRow).ToContainTextAsync(RoutingKeys.PriceRequested);
            var lostRow = page.GetByTestId("lost-messages").Locator($"tr[data-order-id='{order.Id}']");
            await Assertions.Expect(lostRow).ToContainTextAsync(OrderTopology.MesPriceRequests.Name);
            await Assertions.Expect(lostRow).ToContainTextAsync(RoutingKeys.PriceRequested);
            await HeadlessChromium.ScreenshotAsync(page, "orders-02-stuck");

            await stuckRow.GetByRole(AriaRole.Link, new() { Name = order.Id.ToString() }).ClickAsync();
            await page.WaitForURLAsync(Url($"/orders/{order.Id}"));
            await Assertions.Expect(page.GetByTestId("journey-status")).ToHaveTextAsync("SUBMITTED");
            await Assertions.Expect(page.GetByTestId("journey-current")).ToContainTextAsync("Price calculation in the MES");
            await Assertions.Expect(page.GetByTestId("journey-time-in-status")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("journey-waiting")).ToContainTextAsync(OrderTopology.MesPriceRequests.Name);
            await Assertions.Expect(page.GetByTestId("journey-waiting")).ToContainTextAsync(RoutingKeys.PriceRequested);
            await HeadlessChromium.ScreenshotAsync(page, "orders-03-journey-stuck");
        }
        finally
        {
            if (KnownResourceStates.TerminalStates.Contains(await stack.App.StateAsync("mes-api")))
            {
                await stack.App.StartResourceAsync("mes-api", Ct);
            }

            await stack.WaitUntilAllHealthyAsync();
        }
    }

    private string Url(string path) => stack.DashboardUrl.ToString().TrimEnd('/') + path;

    /// <summary>A browser session signed in as the demo support user: what the journey and stuck pages are for.</summary>
    private async Task<IBrowserContext> SupportContextAsync()
    {
        var context = await chromium.NewContextAsync();
        var signIn = await context.APIRequest.PostAsync(Url("/api/login"), new() { DataObject = new { userName = DemoUsers.SupportName, password = DemoUsers.SupportPassword } });
        Assert.True(signIn.Ok, $"support signs in: {signIn.Status} {await signIn.TextAsync()}");
        return context;
    }
}

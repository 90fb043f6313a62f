using Jewelry.Tests.Browser;
using Microsoft.Playwright;

namespace Jewelry.Tests.Dashboard;

/// <summary>The Stages page in headless Chromium: the window picker, both tables, both server-rendered charts, links to the orders.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class StagesPageBrowserTests(StageDashboardFixture fixture, HeadlessChromium chromium) : IClassFixture<StageDashboardFixture>, IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task An_engineer_picks_a_window_and_reads_the_stage_tables_and_charts()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");

        // Three hours back: the last hour holds only G's entry into FILE_UPLOADED; the last 24 hours hold everything.
        var now = DateTimeOffset.UtcNow;
        var data = await StageData.SendAsync(fixture.Dashboard, fixture.Api, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - (3 * 3600)));
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Dashboard.FrontendUrl.ToString().TrimEnd('/');
        await page.GotoAsync($"{baseUrl}/login?t={fixture.Dashboard.BrowserToken}");

        await page.GotoAsync(baseUrl + "/stages");
        await Assertions.Expect(page.GetByTestId("window-picker").Locator("a.active")).ToHaveTextAsync("1 hour");
        await Assertions.Expect(page.Locator("[data-testid=status-table] > tbody > tr")).ToHaveCountAsync(1);

        await page.GetByTestId("window-picker").GetByText("24 hours").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("window=24h", StringComparison.Ordinal));
        var statusRows = page.Locator("[data-testid=status-table] > tbody > tr");
        await Assertions.Expect(statusRows).ToHaveCountAsync(5);
        await Assertions.Expect(statusRows.First).ToContainTextAsync("INITIATED");
        await Assertions.Expect(statusRows.Nth(4)).ToContainTextAsync("ON_HOLD");
        await Assertions.Expect(page.Locator("[data-testid=hop-table] > tbody > tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=status-chart] svg g.stage")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=hop-chart] svg g.stage")).ToHaveCountAsync(5);
        await Assertions.Expect(statusRows.First.Locator($"a[href='/orders/{data.H.Id}']")).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-10-stages");
    }
}

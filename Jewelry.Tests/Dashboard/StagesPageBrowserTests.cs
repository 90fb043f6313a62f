using Microsoft.Playwright;

namespace Jewelry.Tests.Dashboard;

/// <summary>The Stages page in headless Chromium: the window picker, both tables, both server-rendered charts, links to the orders.</summary>
[Collection(DashboardTestGroup.Name)]
public sealed class StagesPageBrowserTests(StageDashboardFixture fixture) : IClassFixture<StageDashboardFixture>, IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static bool Disabled => Environment.GetEnvironmentVariable("JEWELRY_BROWSER_TESTS") == "0";

    public async ValueTask InitializeAsync()
    {
        if (Disabled)
        {
            return;
        }

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./setup.sh installs Debian's chromium.");
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task An_engineer_picks_a_window_and_reads_the_stage_tables_and_charts()
    {
        Assert.SkipWhen(Disabled, "JEWELRY_BROWSER_TESTS=0");

        // Three hours back: the last hour holds only G's entry into FILE_UPLOADED; the last 24 hours hold everything.
        var now = DateTimeOffset.UtcNow;
        var data = await StageData.SendAsync(fixture.Dashboard, fixture.Api, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - (3 * 3600)));
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
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
        await Screenshot(page, "08-stages");
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var directory = Path.Combine(ResultsDirectory(), "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"dashboard-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment($"dashboard-{name}.png", await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), "image/png");
    }

    private static string ResultsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jewelry.sln")))
            {
                return Path.Combine(directory.FullName, "TestResults");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}

using Jewelry.Tests.Stack;
using Microsoft.Playwright;

namespace Jewelry.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright; screenshots land in the repository's TestResults/screenshots
/// (where ./test.sh writes its TRX files) and are attached to the test's result. A class fixture: one browser per
/// test class, none at all when browser tests are turned off.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Setup installs Chromium unless told not to (JEWELRY_BROWSER_TESTS=0); only then are browser tests skipped.</summary>
    public static bool Disabled => Environment.GetEnvironmentVariable("JEWELRY_BROWSER_TESTS") == "0";

    public async ValueTask InitializeAsync()
    {
        if (Disabled)
        {
            return;
        }

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./setup.sh installs Debian's chromium.");

        // Two cores shared with the whole stack and the browser: allow more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1440, int height = 900) =>
        (_browser ?? throw new InvalidOperationException("Browser tests are turned off (JEWELRY_BROWSER_TESTS=0).")).NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(ResultsDirectory(), "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment($"{name}.png", await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string ResultsDirectory() => TestRepository.PathOf("TestResults");
}

using Microsoft.Playwright;

namespace Jewelry.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright; screenshots land in the repository's TestResults/screenshots
/// (where ./test.sh writes its TRX files) and are attached to the test's result.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Setup installs Chromium unless told not to (JEWELRY_BROWSER_TESTS=0); only then are browser tests skipped.</summary>
    public static bool Disabled => Environment.GetEnvironmentVariable("JEWELRY_BROWSER_TESTS") == "0";

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./setup.sh installs Debian's chromium.");

        // Two cores shared with the whole stack and the browser: allow more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1440, int height = 900) =>
        _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

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
        await _browser.DisposeAsync();
        _playwright.Dispose();
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

using System.Text.Json;
using System.Text.RegularExpressions;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Browser;
using Jewelry.Tests.Dashboard;
using Jewelry.Tests.Lifecycle;

namespace Jewelry.Tests.Orders;

/// <summary>
/// Every page of the dashboard at a laptop's 1,400 px and a small 1,024 px window, on telemetry of a real closed
/// order: nothing wider than the window, the top bar whole, span durations readable, order ids listed in full.
/// </summary>
[Collection(OrderTrackingCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class PageLayoutBrowserTests(OrderTrackingStackFixture stack, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    // WCAG AA for normal text.
    private const double MinContrast = 4.5;

    private const string ContrastScript = """
        () => {
          const rgba = c => c.match(/[\d.]+/g).map(Number);
          const luminance = ([r, g, b]) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = element => {
            for (let e = element; e; e = e.parentElement) {
              const c = rgba(getComputedStyle(e).backgroundColor);
              if (c.length < 4 || c[3] > 0.5) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          return [...document.querySelectorAll('[data-testid=span-duration]')].map(label => {
            const text = luminance(rgba(getComputedStyle(label).color));
            const behind = luminance(background(label));
            return { text: label.textContent, ratio: (Math.max(text, behind) + 0.05) / (Math.min(text, behind) + 0.05) };
          });
        }
        """;

    private readonly OrderJourneyDriver _orders = new(stack);

    [Theory]
    [InlineData(1400)]
    [InlineData(1024)]
    public async Task Every_page_fits_the_window_with_readable_durations_and_whole_order_ids(int width)
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var order = await _orders.SubmittedOrderAsync(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)));
        await _orders.CompleteAsync(order.Id);
        var journey = await stack.Dashboard.WaitForClosedJourneyAsync(order.Id);
        var submitTrace = journey.GetProperty("chains").EnumerateArray()
            .First(chain => chain.GetProperty("name").GetString()!.EndsWith("/submit", StringComparison.Ordinal))
            .GetProperty("traceId").GetString();

        await using var context = await chromium.NewContextAsync(width);
        var signIn = await context.APIRequest.PostAsync(Url("/api/login"), new() { DataObject = new { userName = DemoUsers.AdminName, password = DemoUsers.AdminPassword } });
        Assert.True(signIn.Ok, $"admin signs in: {signIn.Status}");
        var page = await context.NewPageAsync();

        string[] paths =
        [
            "/orders", $"/orders/{order.Id}", "/orders/stuck", "/stages", "/traces", $"/traces/{submitTrace}",
            "/logs", "/resources", "/alerts", "/admin/audit", "/admin/retention",
        ];
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(Url(path));
            var layout = await page.EvaluateAsync<JsonElement>("""
                () => ({
                  scroll: document.documentElement.scrollWidth,
                  client: document.documentElement.clientWidth,
                  logOut: Math.round(document.querySelector('.topbar .link-button').getBoundingClientRect().right)
                })
                """);
            var client = layout.GetProperty("client").GetInt32();
            if (layout.GetProperty("scroll").GetInt32() > client)
            {
                problems.Add($"{path}: {layout.GetProperty("scroll").GetInt32()} px wide in a {client} px window");
            }

            if (layout.GetProperty("logOut").GetInt32() > client)
            {
                problems.Add($"{path}: 'Log out' is cut off");
            }

            await HeadlessChromium.ScreenshotAsync(page, $"layout-{width}{Regex.Replace(path, "[^a-z0-9]+", "-")}");
        }

        await page.GotoAsync(Url($"/traces/{submitTrace}"));
        var durations = await page.EvaluateAsync<JsonElement>(ContrastScript);
        Assert.True(durations.GetArrayLength() > 10, "the waterfall labels every span with its duration");
        problems.AddRange(durations.EnumerateArray()
            .Where(label => label.GetProperty("ratio").GetDouble() < MinContrast)
            .Select(label => $"waterfall: duration '{label.GetProperty("text").GetString()}' has contrast {label.GetProperty("ratio").GetDouble():0.0}, below {MinContrast}"));

        await page.GotoAsync(Url("/stages"));
        var listedIds = await page.GetByTestId("slow-order").AllTextContentsAsync();
        Assert.Contains(order.Id.ToString(), listedIds);
        problems.AddRange(listedIds.Where(id => !Guid.TryParse(id, out _)).Select(id => $"stages: slow order '{id}' is not a whole order id"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private string Url(string path) => stack.DashboardUrl.ToString().TrimEnd('/') + path;
}

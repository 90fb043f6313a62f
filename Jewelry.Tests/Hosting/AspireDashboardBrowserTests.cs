using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.ShopData.Dtos;
using Jewelry.Tests.Browser;
using Microsoft.Playwright;

namespace Jewelry.Tests.Hosting;

/// <summary>
/// The Aspire dashboard of the AppHost as a developer starts it, in headless Chromium: it renders over a live
/// connection, so a plain screenshot shows an empty page; Playwright waits for what it shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class AspireDashboardBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private static readonly string[] s_resources = ["postgres", "shopdb", "mesdb", "telemetrydb", "identitydb", "messaging", "models", "dashboard", "identity", "mes-api", "crm-api", "shop-api", "gateway"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Aspire_dashboard_shows_every_resource_running_and_one_trace_of_a_priced_order_across_shop_crm_and_mes()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var stateFile = Path.Combine(Path.GetTempPath(), $"jewelry-aspire-dashboard-{Guid.NewGuid():N}.json");
        using var appHost = AppHostProcess.Start(["--state-file", stateFile]);
        try
        {
            await Eventually.WaitUntilAsync(
                () => appHost.HasExited || appHost.Output.Contains("Jewelry stack is running", StringComparison.Ordinal),
                TimeSpan.FromMinutes(4),
                () => $"the stack reported running:{Environment.NewLine}{appHost.Output}");
            var login = AspireLogin().Match(appHost.Output);
            Assert.True(login.Success, appHost.Output);
            var dashboard = new Uri(login.Groups["root"].Value);

            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            await PriceAnOrderAsync(ShopUrl(stateFile), traceId);

            await using var context = await chromium.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(login.Groups["url"].Value);
            await Assertions.Expect(page.GetByText($"Showing {s_resources.Length} resources")).ToBeVisibleAsync();
            foreach (var resource in s_resources)
            {
                var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });
                await Assertions.Expect(row).ToContainTextAsync("Running");
            }

            await HeadlessChromium.ScreenshotAsync(page, "aspire-01-resources");

            await page.GotoAsync(new Uri(dashboard, $"/traces/detail/{traceId}").ToString());
            await Assertions.Expect(page.GetByText("POST /api/orders/{id:guid}/submit").First).ToBeVisibleAsync();
            foreach (var (span, service) in new[]
            {
                ("POST /api/orders/{id:guid}/price-requests", "crm-api"),
                ("INSERT price_calculations", "mes-api"),
                ("order.transition SUBMITTED", "crm-api"),
            })
            {
                var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = span });
                await Assertions.Expect(row.First).ToContainTextAsync(service);
            }

            await HeadlessChromium.ScreenshotAsync(page, "aspire-02-order-trace");
        }
        finally
        {
            appHost.Terminate();
            await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90));
            File.Delete(stateFile);
        }
    }

    /// <summary>Creates, uploads and submits an order, the submit inside <paramref name="traceId"/>, and waits for its price.</summary>
    private static async Task PriceAnOrderAsync(Uri shop, string traceId)
    {
        using var http = new HttpClient { BaseAddress = shop };
        using var created = await http.PostAsJsonAsync("/api/orders", new { customerId = "c-aspire-dashboard", productType = "ring", material = "gold-585", size = "17" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = (await created.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;

        using var form = new MultipartFormDataContent { { new ByteArrayContent(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10))), "file", "cube.stl" } };
        using var uploaded = await http.PutAsync($"/api/orders/{order.Id}/model", form, Ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/submit");
        submit.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var submitted = await http.SendAsync(submit, Ct);
        Assert.True(submitted.IsSuccessStatusCode, $"submit answered {(int)submitted.StatusCode}");

        await Eventually.WaitUntilAsync(
            async () => (await http.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Ct))!.Status == "PRICE_CALCULATED",
            TimeSpan.FromSeconds(45),
            $"order {order.Id} priced");
    }

    private static Uri ShopUrl(string stateFile)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(stateFile));
        var shop = state.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "shop-api");
        return new Uri(shop.GetProperty("endpoints").GetProperty("https").GetString()!);
    }

    [GeneratedRegex(@"Aspire dashboard:  (?<url>(?<root>http://127\.0\.0\.1:\d+)/login\?t=[0-9a-f]{32})")]
    private static partial Regex AspireLogin();
}

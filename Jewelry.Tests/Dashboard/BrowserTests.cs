using Jewelry.Tests.Browser;
using Microsoft.Playwright;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// The UI in headless Chromium (Debian's, driven by Playwright): log in with the token, find an order's trace,
/// open the waterfall and a span's attributes. Screenshots land in TestResults/screenshots.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class BrowserTests(DashboardFixture fixture, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task An_engineer_logs_in_finds_an_order_opens_its_trace_and_reads_a_spans_attributes()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var orderId = "ORD-UI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var traceId = SampleTelemetry.NewTraceId();
        using (var otlp = new OtlpTestClient(fixture.Dashboard))
        {
            var result = await otlp.ExportGrpcAsync(OtlpTestClient.TracesGrpcPath, SampleTelemetry.OrderTrace(traceId, orderId));
            Assert.Equal("0", result.GrpcStatus);
            using var logs = await otlp.PostProtobufAsync("/v1/logs", SampleTelemetry.Logs("shop-api", traceId, SampleTelemetry.NewSpanId(), orderId, "Pricing failed for " + orderId));
        }

        (await fixture.Api.WaitForTraceAsync(SampleTelemetry.Hex(traceId), 4)).Dispose();

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Dashboard.FrontendUrl.ToString().TrimEnd('/');

        // Without a session the dashboard sends the browser to the login page.
        await page.GotoAsync(baseUrl + "/traces");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-01-login");

        await page.GotoAsync($"{baseUrl}/login?t={fixture.Dashboard.BrowserToken}");
        await page.WaitForURLAsync(baseUrl + "/traces");
        await Assertions.Expect(page.GetByTestId("trace-list")).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-02-traces");

        await page.Locator("input[name=attr]").FillAsync("order.id=" + orderId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find traces" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("attr=order.id", StringComparison.Ordinal));
        var rows = page.Locator("[data-testid=trace-list] > tbody > tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("POST /orders/{id}/submit");
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-03-search-by-order-id");

        // The header's search box opens the order pages; the trace filter's order.id shows the order's journey, one trace per stage.
        await Assertions.Expect(page.Locator("form.order-search")).ToHaveAttributeAsync("action", "/orders");
        await page.Locator("form.filters input[name=orderId]").FillAsync(orderId);
        await page.Locator("form.filters input[name=attr]").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find traces" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("orderId=" + orderId, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("order-journey")).ToContainTextAsync(orderId);
        await Assertions.Expect(page.GetByTestId("order-journey")).ToContainTextAsync("crm-api");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-03b-order-journey");

        await rows.First.Locator("a.trace-link").ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}/traces/{SampleTelemetry.Hex(traceId)}");
        var waterfallRows = page.Locator("[data-testid=waterfall] .wf-row");
        await Assertions.Expect(waterfallRows).ToHaveCountAsync(4);
        await Assertions.Expect(waterfallRows.Nth(0)).ToContainTextAsync("shop-api");
        await Assertions.Expect(waterfallRows.Nth(2)).ToContainTextAsync("crm-api");
        await Assertions.Expect(page.Locator(".wf-bar")).ToHaveCountAsync(4);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-04-waterfall");

        await waterfallRows.Filter(new() { HasText = "POST /price-requests" }).ClickAsync();
        var attributes = page.GetByTestId("span-attributes");
        await Assertions.Expect(attributes).ToContainTextAsync("order.id");
        await Assertions.Expect(attributes).ToContainTextAsync(orderId);
        await Assertions.Expect(attributes).ToContainTextAsync("PriceUnavailable");
        await Assertions.Expect(page.GetByTestId("span-panel")).ToContainTextAsync("MES did not answer");
        Assert.Contains("span=", page.Url, StringComparison.Ordinal);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-05-span-details");

        // The URL holds the selection: reloading shows the same span.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("span-attributes")).ToContainTextAsync(orderId);

        await page.GotoAsync($"{baseUrl}/logs?orderId={orderId}");
        var logRows = page.Locator("[data-testid=log-list] > tbody > tr");
        await Assertions.Expect(logRows).ToHaveCountAsync(2);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-06-logs");
        await logRows.Filter(new() { HasText = "Pricing failed" }).Locator("a.mono").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/traces/{SampleTelemetry.Hex(traceId)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_resources_page_shows_what_the_apphost_started_with_state_and_urls()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        await File.WriteAllTextAsync(fixture.ResourceStateFile, """
            {
              "dataDirectory": "/tmp/jewelry-run",
              "appHostPid": 4242,
              "resources": [
                { "name": "postgres", "type": "postgres", "state": "healthy", "pid": 101, "pids": [101], "endpoints": { "tcp": "tcp://127.0.0.1:5433" }, "connectionString": "Host=127.0.0.1;Password=secret" },
                { "name": "shop-api", "type": "project", "state": "starting", "pid": 102, "pids": [102], "endpoints": { "http": "http://127.0.0.1:5101" } },
                { "name": "mes-api", "type": "project", "state": "failed", "reason": "exited with code 1", "pids": [], "endpoints": {} }
              ]
            }
            """, TestContext.Current.CancellationToken);
        await using var context = await chromium.NewContextAsync(1280, 720);
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Dashboard.FrontendUrl.ToString().TrimEnd('/');
        await page.GotoAsync($"{baseUrl}/login?t={fixture.Dashboard.BrowserToken}");

        await page.GotoAsync(baseUrl + "/resources");

        var rows = page.Locator("[data-testid=resources] > tbody > tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("starting");
        await Assertions.Expect(rows.Nth(1).Locator("a[href='http://127.0.0.1:5101']")).ToBeVisibleAsync();
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("exited with code 1");

        // The page reloads itself every few seconds, so its markup is read with the same session, not from the page.
        var markup = await context.APIRequest.GetAsync(baseUrl + "/resources");
        var html = await markup.TextAsync();
        Assert.True(markup.Ok, $"the resources page answered {markup.Status}");
        Assert.Contains("127.0.0.1:5101", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-07-resources");
    }

    [Fact]
    public async Task Support_signs_in_with_the_form_and_is_told_a_trace_without_an_order_is_not_for_them()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        var traceId = SampleTelemetry.NewTraceId();
        await RoleSampleTelemetry.SendAsync(fixture, RoleSampleTelemetry.TraceWithoutOrder(traceId), 2);
        await using var context = await chromium.NewContextAsync(1280, 720);
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Dashboard.FrontendUrl.ToString().TrimEnd('/');

        await page.GotoAsync($"{baseUrl}/traces/{SampleTelemetry.Hex(traceId)}");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(DemoUsers.SupportName);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown user name or wrong password.");

        await page.GetByLabel("Password").FillAsync(DemoUsers.SupportPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}/traces/{SampleTelemetry.Hex(traceId)}");

        await Assertions.Expect(page.GetByTestId("trace-forbidden")).ToContainTextAsync("Support users can only see traces of orders");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("support · support");
        await Assertions.Expect(page.GetByTestId("nav").GetByRole(AriaRole.Link)).ToHaveTextAsync(["Orders", "Stuck orders", "Stages", "Alerts"]);
        await Assertions.Expect(page.GetByTestId("waterfall")).ToHaveCountAsync(0);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-08-support-forbidden-trace");
    }

    [Fact]
    public async Task Admin_signs_in_with_the_form_and_reads_the_audit_log()
    {
        Assert.SkipWhen(HeadlessChromium.Disabled, "JEWELRY_BROWSER_TESTS=0");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Dashboard.FrontendUrl.ToString().TrimEnd('/');

        await page.GotoAsync(baseUrl + "/login");
        await page.GetByLabel("User name").FillAsync(DemoUsers.AdminName);
        await page.GetByLabel("Password").FillAsync(DemoUsers.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/traces");
        await page.GotoAsync(baseUrl + "/logs?level=error");

        await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/admin/audit");
        await page.Locator("form.filters input[name=user]").FillAsync(DemoUsers.AdminName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("user=admin", StringComparison.Ordinal));

        var rows = page.Locator("[data-testid=audit-list] > tbody > tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("GET /admin/audit");
        await Assertions.Expect(page.GetByTestId("audit-list")).ToContainTextAsync("GET /logs?level=error");
        await Assertions.Expect(page.GetByTestId("audit-list")).ToContainTextAsync("POST /login");
        Assert.All(await rows.Locator("td:nth-child(2)").AllInnerTextsAsync(), user => Assert.Equal("admin", user));
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin · admin");
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-09-admin-audit");
    }
}

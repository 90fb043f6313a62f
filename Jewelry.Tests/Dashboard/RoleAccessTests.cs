using System.Net;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// What each role may read: support only the spans of orders (403 for a trace without any), developer
/// everything, admin everything plus the audit log and the settings. Refusals are 403 problem details.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class RoleAccessTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Support_cannot_open_a_trace_without_an_order_id()
    {
        var traceId = SampleTelemetry.NewTraceId();
        await RoleSampleTelemetry.SendAsync(fixture, RoleSampleTelemetry.TraceWithoutOrder(traceId), 2);
        using var support = await SignInAsync(DemoUsers.SupportName, DemoUsers.SupportPassword);

        using var response = await support.GetAsync($"/api/traces/{SampleTelemetry.Hex(traceId)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal(
            $"Support users can only see traces of orders, and no span of trace {SampleTelemetry.Hex(traceId)} carries the attribute order.id.",
            problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("GET /health", problem.GetRawText(), StringComparison.Ordinal);

        using var page = await support.GetAsync($"/traces/{SampleTelemetry.Hex(traceId)}", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("data-testid=\"trace-forbidden\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_sees_only_the_order_spans_of_a_mixed_trace_with_figures_of_those_spans()
    {
        var traceId = SampleTelemetry.NewTraceId();
        var orderId = "ORD-ROLE-" + Guid.NewGuid().ToString("N")[..8];
        await RoleSampleTelemetry.SendAsync(fixture, RoleSampleTelemetry.MixedTrace(traceId, orderId), 3);
        using var support = await SignInAsync(DemoUsers.SupportName, DemoUsers.SupportPassword);

        var trace = await support.GetJsonAsync($"/api/traces/{SampleTelemetry.Hex(traceId)}");

        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(["POST /orders/{id}/approve", "approval publish"], spans.Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(spans, span => Assert.Equal(orderId, span.GetProperty("attributes").GetProperty("order.id").GetString()));
        Assert.Equal(2, trace.GetProperty("spanCount").GetInt32());
        Assert.Equal(1, trace.GetProperty("hiddenSpanCount").GetInt32());
        Assert.Equal(0, trace.GetProperty("errorCount").GetInt32());
        Assert.Equal(["crm-api", "shop-api"], trace.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(100, trace.GetProperty("durationMs").GetDouble(), 3);
        Assert.DoesNotContain("mes-api", trace.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("caster-2", trace.GetRawText(), StringComparison.Ordinal);

        using var page = await support.GetAsync($"/traces/{SampleTelemetry.Hex(traceId)}", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("approval publish", html, StringComparison.Ordinal);
        Assert.DoesNotContain("recalculate machine schedule", html, StringComparison.Ordinal);
        Assert.Contains("1 span without an order id hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_sees_the_whole_mixed_trace()
    {
        var traceId = SampleTelemetry.NewTraceId();
        await RoleSampleTelemetry.SendAsync(fixture, RoleSampleTelemetry.MixedTrace(traceId, "ORD-DEV-" + Guid.NewGuid().ToString("N")[..8]), 3);
        using var developer = await SignInAsync(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword);

        var trace = await developer.GetJsonAsync($"/api/traces/{SampleTelemetry.Hex(traceId)}");

        Assert.Equal(3, trace.GetProperty("spanCount").GetInt32());
        Assert.Equal(0, trace.GetProperty("hiddenSpanCount").GetInt32());
        Assert.Equal(1, trace.GetProperty("errorCount").GetInt32());
        Assert.Contains("mes-api", trace.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/traces?orderId=ORD-1")]
    [InlineData("/api/logs")]
    [InlineData("/api/services")]
    [InlineData("/api/resources")]
    [InlineData("/api/status")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/audit")]
    [InlineData("/api/settings/retention")]
    public async Task Support_gets_403_problem_details_for_developer_and_admin_apis(string url)
    {
        using var support = await SignInAsync(DemoUsers.SupportName, DemoUsers.SupportPassword);

        using var response = await support.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("you are signed in as 'support' with the role support", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.SupportName, DemoUsers.SupportPassword, "/orders")]
    [InlineData(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, "/traces")]
    public async Task The_root_opens_the_home_of_the_users_role(string user, string password, string home)
    {
        using var client = await SignInAsync(user, password);

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/traces")]
    [InlineData("/logs")]
    [InlineData("/resources")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/retention")]
    public async Task Support_is_sent_to_the_forbidden_page_for_developer_and_admin_pages(string page)
    {
        using var support = await SignInAsync(DemoUsers.SupportName, DemoUsers.SupportPassword);

        using var response = await support.GetAsync(page, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var forbidden = await support.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Not for your role", await forbidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/logs")]
    [InlineData("/api/services")]
    [InlineData("/api/resources")]
    [InlineData("/api/status")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/traces")]
    [InlineData("/logs")]
    [InlineData("/resources")]
    public async Task Developer_reads_every_telemetry_api_and_page(string url)
    {
        using var developer = await SignInAsync(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword);

        using var response = await developer.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/audit")]
    [InlineData("/api/settings/retention")]
    public async Task Only_admin_reads_the_audit_log_and_the_settings(string url)
    {
        using var developer = await SignInAsync(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword);
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);

        using var denied = await developer.GetAsync(url, TestContext.Current.CancellationToken);
        using var allowed = await admin.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("needs the role admin", (await ProblemAsync(denied)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_navigation_shows_each_role_its_own_sections()
    {
        using var support = await SignInAsync(DemoUsers.SupportName, DemoUsers.SupportPassword);
        using var developer = await SignInAsync(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword);
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);

        var supportNav = await NavigationAsync(support, "/forbidden");
        var developerNav = await NavigationAsync(developer, "/traces");
        var adminNav = await NavigationAsync(admin, "/traces");

        Assert.Equal(["/orders", "/orders/stuck", "/stages", "/alerts"], supportNav);
        Assert.Equal(["/orders", "/orders/stuck", "/stages", "/alerts", "/traces", "/logs", "/resources", "/openapi/v1.json"], developerNav);
        Assert.Equal(["/orders", "/orders/stuck", "/stages", "/alerts", "/traces", "/logs", "/resources", "/openapi/v1.json", "/admin/audit", "/admin/retention"], adminNav);
        var page = await developer.GetStringAsync("/traces", TestContext.Current.CancellationToken);
        Assert.Contains("<strong>developer</strong> · developer", page, StringComparison.Ordinal);
        Assert.Contains("<form class=\"order-search\" method=\"get\" action=\"/orders\"", page, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync(string userName, string password) =>
        DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, userName, password, TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    private static async Task<IReadOnlyList<string>> NavigationAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var nav = html[html.IndexOf("<nav data-testid=\"nav\">", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(nav, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>Every request a signed-in user makes is in the audit log with who, when and what; only admins read it.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class AuditLogTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Every_query_a_user_makes_is_in_the_audit_log_with_user_role_path_query_and_time()
    {
        var traceId = SampleTelemetry.NewTraceId();
        var orderId = "ORD-AUDIT-" + Guid.NewGuid().ToString("N")[..8];
        await RoleSampleTelemetry.SendAsync(fixture, RoleSampleTelemetry.MixedTrace(traceId, orderId), 3);
        // Same machine, same clock: no margin, so a sign-in of the test before this one is not counted as this test's.
        var before = DateTimeOffset.UtcNow;
        using var support = await DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, DemoUsers.SupportName, DemoUsers.SupportPassword, TestContext.Current.CancellationToken);

        var made = new List<(string Method, string Path, string Query, HttpStatusCode Status)>();
        foreach (var url in new[]
        {
            $"/api/traces/{SampleTelemetry.Hex(traceId)}",
            $"/traces/{SampleTelemetry.Hex(traceId)}?span=0123456789abcdef",
            $"/api/traces?orderId={orderId}&lookback=1h",
            $"/api/logs?orderId={orderId}",
            "/api/traces/not-a-trace-id",
        })
        {
            using var response = await support.GetAsync(url, TestContext.Current.CancellationToken);
            var uri = new Uri(fixture.Dashboard.FrontendUrl, url);
            made.Add(("GET", uri.AbsolutePath, uri.Query, response.StatusCode));
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest],
            made.Select(m => m.Status));

        var audit = await AuditAsync($"/api/audit?user=support&from={Uri.EscapeDataString(before.ToString("O"))}&limit=1000");
        foreach (var (method, path, query, status) in made)
        {
            var entry = Assert.Single(audit, e => e.GetProperty("path").GetString() == path && e.GetProperty("query").GetString() == query);
            Assert.Equal("support", entry.GetProperty("userName").GetString());
            Assert.Equal("support", entry.GetProperty("role").GetString());
            Assert.Equal(method, entry.GetProperty("method").GetString());
            Assert.Equal((int)status, entry.GetProperty("statusCode").GetInt32());
            var time = entry.GetProperty("time").GetDateTimeOffset();
            Assert.InRange(time, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.True(entry.GetProperty("durationMs").GetDouble() >= 0);
        }

        // The sign-in itself is recorded with the user name only.
        var login = Assert.Single(audit, e => e.GetProperty("path").GetString() == "/api/login");
        Assert.Equal("POST", login.GetProperty("method").GetString());
        Assert.Equal(200, login.GetProperty("statusCode").GetInt32());
        Assert.DoesNotContain(DemoUsers.SupportPassword, JsonSerializer.Serialize(audit), StringComparison.Ordinal);

        // Newest first.
        var times = audit.Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task A_refused_password_of_a_known_user_is_recorded_without_the_password_and_the_token_is_masked()
    {
        // Same machine, same clock: no margin, so a sign-in of the test before this one is not counted as this test's.
        var before = DateTimeOffset.UtcNow;
        using var client = fixture.Dashboard.CreateClient();
        using (await client.PostAsJsonAsync("/api/login", new { userName = DemoUsers.DeveloperName, password = "guess-8c27e5-wrong" }, TestContext.Current.CancellationToken))
        {
        }

        using var operatorSession = await fixture.Dashboard.LoginAsync();

        var audit = await AuditAsync($"/api/audit?from={Uri.EscapeDataString(before.ToString("O"))}&limit=1000");
        var refused = Assert.Single(audit, e => e.GetProperty("userName").GetString() == "developer" && e.GetProperty("statusCode").GetInt32() == 401);
        Assert.Equal("/api/login", refused.GetProperty("path").GetString());
        Assert.Equal("sign-in refused: wrong password", refused.GetProperty("detail").GetString());
        var tokenLogin = Assert.Single(audit, e => e.GetProperty("userName").GetString() == "operator" && e.GetProperty("path").GetString() == "/login");
        Assert.Equal("admin", tokenLogin.GetProperty("role").GetString());
        Assert.Equal("?t=***", tokenLogin.GetProperty("query").GetString());
        var everything = JsonSerializer.Serialize(audit);
        Assert.DoesNotContain("guess-8c27e5-wrong", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Dashboard.BrowserToken, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_user_health_probes_and_assets_are_not_audited()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var anonymous = fixture.Dashboard.CreateClient();
        using (await anonymous.GetAsync($"/api/traces?name={marker}", TestContext.Current.CancellationToken))
        using (await anonymous.GetAsync($"/health?probe={marker}", TestContext.Current.CancellationToken))
        {
        }

        using var developer = await DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, TestContext.Current.CancellationToken);
        using (await developer.GetAsync($"/assets/dashboard.css?v={marker}", TestContext.Current.CancellationToken))
        using (await developer.GetAsync($"/alive?probe={marker}", TestContext.Current.CancellationToken))
        using (await developer.GetAsync($"/api/services?marker={marker}", TestContext.Current.CancellationToken))
        {
        }

        var audit = await AuditAsync("/api/audit?limit=1000");
        Assert.Equal(["/api/services"], audit.Where(e => e.GetProperty("query").GetString()!.Contains(marker, StringComparison.Ordinal)).Select(e => e.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=31.01.2026", "to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("after=nonsense", "after")]
    public async Task Bad_audit_parameters_get_a_400_problem_naming_them(string query, string parameter)
    {
        using var response = await fixture.Api.GetAsync("/api/audit?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_with_a_cursor_and_filters_by_user_and_time()
    {
        using var developer = await DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, TestContext.Current.CancellationToken);
        var marker = Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 5; i++)
        {
            using (await developer.GetAsync($"/api/services?page={marker}-{i}", TestContext.Current.CancellationToken))
            {
            }
        }

        var end = DateTimeOffset.UtcNow.AddSeconds(1);
        var range = $"user=developer&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(end.ToString("O"))}";
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await fixture.Api.GetJsonAsync($"/api/audit?{range}&limit=2" + (cursor is null ? string.Empty : "&after=" + cursor));
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            Assert.InRange(entries.Count, 1, 2);
            Assert.All(entries, e => Assert.Equal("developer", e.GetProperty("userName").GetString()));
            seen.AddRange(entries.Select(e => e.GetProperty("query").GetString()!).Where(q => q.Contains(marker, StringComparison.Ordinal)));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => $"?page={marker}-{i}"), seen);

        var other = await fixture.Api.GetJsonAsync($"/api/audit?user=nobody-{marker}");
        Assert.Empty(other.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task The_audit_page_shows_entries_for_admins()
    {
        using var admin = await DashboardSignIn.SignInAsync(fixture.Dashboard.FrontendUrl, DemoUsers.AdminName, DemoUsers.AdminPassword, TestContext.Current.CancellationToken);
        var marker = Guid.NewGuid().ToString("N");
        using (await admin.GetAsync($"/api/status?marker={marker}", TestContext.Current.CancellationToken))
        {
        }

        using var response = await admin.GetAsync("/admin/audit?user=admin", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var bad = await admin.GetAsync("/admin/audit?from=soon", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"GET /api/status?marker={marker}", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("&#x27;soon&#x27; is not a time", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_writes_are_counted_in_the_status()
    {
        var before = (await fixture.Api.GetJsonAsync("/api/status")).GetProperty("audit");
        for (var i = 0; i < 3; i++)
        {
            using (await fixture.Api.GetAsync("/api/services", TestContext.Current.CancellationToken))
            {
            }
        }

        var after = (await fixture.Api.GetJsonAsync("/api/status")).GetProperty("audit");

        // The first status read is audited once answered, then the three requests; the second read counts before its own row.
        Assert.Equal(before.GetProperty("written").GetInt64() + 4, after.GetProperty("written").GetInt64());
        Assert.Equal(0, after.GetProperty("failed").GetInt64());
    }

    private async Task<IReadOnlyList<JsonElement>> AuditAsync(string url)
    {
        var page = await fixture.Api.GetJsonAsync(url);
        return page.GetProperty("entries").EnumerateArray().ToList();
    }
}

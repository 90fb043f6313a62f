using System.Net;

namespace Jewelry.Tests.Dashboard;

/// <summary>With <c>Dashboard:Frontend:AuthMode=Unsecured</c> every request acts as an anonymous admin, and is audited as such.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class UnsecuredModeTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Every_request_acts_as_an_anonymous_admin()
    {
        await using var dashboard = await DashboardProcess.StartAsync(
            fixture.Postgres.NewDatabase("unsecured"),
            new Dictionary<string, string> { ["Dashboard:Frontend:AuthMode"] = "Unsecured" });
        using var client = dashboard.CreateClient();
        var marker = Guid.NewGuid().ToString("N");

        using var traces = await client.GetAsync($"/api/traces?name={marker}", TestContext.Current.CancellationToken);
        using var settings = await client.GetAsync("/api/settings/retention", TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync("/admin/audit", TestContext.Current.CancellationToken);
        var audit = await client.GetJsonAsync("/api/audit");

        Assert.Equal(HttpStatusCode.OK, traces.StatusCode);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Contains("<strong>anonymous</strong> · admin", page, StringComparison.Ordinal);
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("query").GetString() == $"?name={marker}");
        Assert.Equal("anonymous", entry.GetProperty("userName").GetString());
        Assert.Equal("admin", entry.GetProperty("role").GetString());
    }
}

using System.Net;

namespace Jewelry.Tests.Dashboard;

/// <summary>Without a session every page redirects to the login page and every API call is 401; the token link opens a session.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class AuthenticationTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/traces")]
    [InlineData("/traces/0123456789abcdef0123456789abcdef")]
    [InlineData("/logs")]
    [InlineData("/resources")]
    [InlineData("/")]
    public async Task Pages_redirect_to_login_without_a_session(string page)
    {
        using var client = fixture.Dashboard.CreateClient();

        using var response = await client.GetAsync(page, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/traces/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/logs")]
    [InlineData("/api/status")]
    [InlineData("/openapi/v1.json")]
    public async Task Api_calls_get_401_without_a_session(string url)
    {
        using var client = fixture.Dashboard.CreateClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_right_one_opens_a_session()
    {
        using var client = fixture.Dashboard.CreateClient();
        using var wrong = await client.GetAsync("/login?t=wrong-token", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain(
            wrong.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith(Jewelry.Dashboard.Authentication.DashboardAuthenticationExtensions.CookieName, StringComparison.Ordinal));

        using var session = await fixture.Dashboard.LoginAsync();
        using var traces = await session.GetAsync("/api/traces", TestContext.Current.CancellationToken);
        using var page = await session.GetAsync("/traces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, traces.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Login_redirects_to_the_traces_page_with_an_http_only_cookie()
    {
        using var client = fixture.Dashboard.CreateClient();

        using var response = await client.GetAsync($"/login?t={fixture.Dashboard.BrowserToken}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/traces", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Jewelry.Dashboard.Authentication.DashboardAuthenticationExtensions.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_is_open_for_the_apphost()
    {
        using var client = fixture.Dashboard.CreateClient();

        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        using var alive = await client.GetAsync("/alive", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}

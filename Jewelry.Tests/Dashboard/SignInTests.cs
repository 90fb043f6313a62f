using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jewelry.Dashboard.Authentication;

namespace Jewelry.Tests.Dashboard;

/// <summary>Signing in with a configured user's name and password: the JSON endpoint and the login form.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData(DemoUsers.SupportName, DemoUsers.SupportPassword, DashboardRoles.Support)]
    [InlineData(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, DashboardRoles.Developer)]
    [InlineData(DemoUsers.AdminName, DemoUsers.AdminPassword, DashboardRoles.Admin)]
    public async Task The_right_password_opens_a_session_in_the_users_role(string userName, string password, string role)
    {
        using var client = fixture.Dashboard.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/login", new { userName, password }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(userName, body.GetProperty("userName").GetString());
        Assert.Equal(role, body.GetProperty("role").GetString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardAuthenticationExtensions.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem_and_no_cookie()
    {
        using var client = fixture.Dashboard.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/login", new { userName = DemoUsers.AdminName, password = "admin-demo-wrong" }, TestContext.Current.CancellationToken);
        using var unknownUser = await client.PostAsJsonAsync("/api/login", new { userName = "nobody-" + Guid.NewGuid().ToString("N")[..6], password = "whatever" }, TestContext.Current.CancellationToken);

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        var first = await ProblemAsync(wrongPassword);
        var second = await ProblemAsync(unknownUser);
        Assert.Equal("Unknown user name or wrong password.", first.Detail);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{"userName": "admin"}""", "password")]
    [InlineData("""{"password": "admin-demo-5b13a0"}""", "userName")]
    [InlineData("""{"userName": "", "password": ""}""", "userName, password")]
    [InlineData("""{}""", "userName, password")]
    [InlineData("""not json""", "userName, password")]
    public async Task Missing_fields_get_a_400_problem_naming_them(string body, string missing)
    {
        using var client = fixture.Dashboard.CreateClient();

        using var response = await client.PostAsync("/api/login", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.EndsWith("missing: " + missing + ".", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_token_signs_in_as_the_operator_with_the_admin_role()
    {
        using var operatorSession = await fixture.Dashboard.LoginAsync();

        using var audit = await operatorSession.GetAsync("/api/audit?limit=1", TestContext.Current.CancellationToken);
        var page = await operatorSession.GetStringAsync("/traces", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("<strong>operator</strong> · admin", page, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        return (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
    }
}

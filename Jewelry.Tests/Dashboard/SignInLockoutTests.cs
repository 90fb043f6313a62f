using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Password guessing on a dashboard of its own, locking after three failures: the API and the form refuse the
/// name with 429 and Retry-After, even with the right password, other names still sign in, and the admin reads why.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class SignInLockoutTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_wrong_passwords_lock_the_user_name_for_the_api_and_the_form_and_the_refusals_are_audited()
    {
        await using var dashboard = await DashboardProcess.StartAsync(
            fixture.Postgres.NewDatabase("lockout"),
            new Dictionary<string, string> { ["Dashboard:SignIn:MaxFailures"] = "3", ["Dashboard:SignIn:LockoutWindow"] = "00:10:00" });
        using var client = dashboard.CreateClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/login", new { userName = DemoUsers.DeveloperName, password = $"guess-{attempt}" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var locked = await client.PostAsJsonAsync("/api/login", new { userName = DemoUsers.DeveloperName, password = DemoUsers.DeveloperPassword }, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
            Assert.InRange(locked.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
            Assert.False(locked.Headers.Contains("Set-Cookie"));
            var problem = await locked.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.StartsWith("Too many failed sign-ins for this user name. Try again in ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = dashboard.FrontendUrl })
        using (var form = await DashboardForm.PostAsync(browser, "/login", "/login?handler=Password", new() { ["userName"] = DemoUsers.DeveloperName, ["password"] = DemoUsers.DeveloperPassword }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
            Assert.Contains("Too many failed sign-ins for this user name.", await form.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // The lock is on the name, not on the dashboard.
        using var admin = await DashboardSignIn.SignInAsync(dashboard.FrontendUrl, DemoUsers.AdminName, DemoUsers.AdminPassword, Ct);
        var audit = (await admin.GetJsonAsync("/api/audit?user=developer&limit=100")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, audit.Count(e => e.GetProperty("detail").GetString() == "sign-in refused: wrong password" && e.GetProperty("statusCode").GetInt32() == 401));
        Assert.Equal(2, audit.Count(e => e.GetProperty("detail").GetString() == "sign-in refused: locked after too many failed sign-ins" && e.GetProperty("statusCode").GetInt32() == 429));
        Assert.DoesNotContain(DemoUsers.DeveloperPassword, dashboard.Output, StringComparison.Ordinal);
    }
}

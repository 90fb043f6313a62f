using Jewelry.Dashboard.Authentication;

namespace Jewelry.Tests.Dashboard;

/// <summary>The demo users' passwords are published: outside Development the dashboard does not start while they are configured.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class DemoUsersOutsideDevelopmentTests(DashboardFixture fixture)
{
    private static readonly Dictionary<string, string> s_production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    [Fact]
    public async Task Outside_development_the_dashboard_refuses_to_start_with_the_demo_users_and_says_what_to_set()
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardProcess.StartAsync(fixture.Postgres.NewDatabase("demo_users_production"), s_production));

        Assert.Contains("The dashboard exited", refusal.Message, StringComparison.Ordinal);
        foreach (var (index, name) in new[] { (0, DemoUsers.SupportName), (1, DemoUsers.DeveloperName), (2, DemoUsers.AdminName) })
        {
            Assert.Contains($"Dashboard:Users:{index} ('{name}') is a demo user", refusal.Message, StringComparison.Ordinal);
            Assert.Contains($"set Dashboard:Users:{index}:PasswordHash", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Contains("Production", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_it_starts_once_every_user_has_a_password_of_its_own()
    {
        var own = PasswordHasher.Hash("a password of our own", PasswordHash.MinIterations).ToString();
        var settings = new Dictionary<string, string>(s_production)
        {
            ["Dashboard:Users:0:PasswordHash"] = own,
            ["Dashboard:Users:1:PasswordHash"] = own,
            ["Dashboard:Users:2:PasswordHash"] = own,
        };

        await using var dashboard = await DashboardProcess.StartAsync(fixture.Postgres.NewDatabase("own_users_production"), settings);

        using var session = await DashboardSignIn.SignInAsync(dashboard.FrontendUrl, DemoUsers.AdminName, "a password of our own", TestContext.Current.CancellationToken);
        Assert.NotNull(session);
    }
}

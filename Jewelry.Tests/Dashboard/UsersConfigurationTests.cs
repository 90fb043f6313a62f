using Jewelry.Dashboard.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Jewelry.Tests.Dashboard;

/// <summary><c>Dashboard:Users</c> is checked at start: a bad entry stops the dashboard with a message naming it.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class UsersConfigurationTests(DashboardFixture fixture)
{
    private static readonly string _validHash = PasswordHasher.Hash("a password", PasswordHash.MinIterations).ToString();

    [Fact]
    public void Valid_users_pass()
    {
        var result = Validate(
            new ConfiguredUser { Name = "ana", Role = "support", PasswordHash = _validHash },
            new ConfiguredUser { Name = "ben", Role = "Developer", PasswordHash = _validHash },
            new ConfiguredUser { Name = "cy", Role = "admin", PasswordHash = _validHash });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void No_users_is_valid_the_browser_token_still_works()
    {
        Assert.True(Validate().Succeeded);
    }

    [Theory]
    [InlineData("ana", "boss", "'boss' is not a role; use one of support, developer, admin")]
    [InlineData("ana", "", "has no Role")]
    [InlineData("", "support", "Dashboard:Users:0 has no Name")]
    [InlineData("operator", "admin", "the name is reserved")]
    public void A_bad_name_or_role_is_named_in_the_failure(string name, string role, string message)
    {
        var result = Validate(new ConfiguredUser { Name = name, Role = role, PasswordHash = _validHash });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_hash_says_how_to_make_one()
    {
        var result = Validate(new ConfiguredUser { Name = "ana", Role = "support" });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:Users:0 ('ana') has no PasswordHash", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("hash-password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_password_where_the_hash_belongs_is_refused_without_being_repeated()
    {
        var result = Validate(new ConfiguredUser { Name = "ana", Role = "support", PasswordHash = "hunter2-plain" });

        Assert.True(result.Failed);
        Assert.Contains("the PasswordHash is malformed", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_ignoring_case_are_refused()
    {
        var result = Validate(
            new ConfiguredUser { Name = "ana", Role = "support", PasswordHash = _validHash },
            new ConfiguredUser { Name = "ANA", Role = "admin", PasswordHash = _validHash });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:Users:1 ('ANA'): the name is used by more than one user", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_does_not_start_with_an_unknown_role_and_says_why()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardProcess.StartAsync(
            fixture.Postgres.ConnectionString,
            new Dictionary<string, string> { ["Dashboard:Users:3:Name"] = "eve", ["Dashboard:Users:3:Role"] = "root", ["Dashboard:Users:3:PasswordHash"] = _validHash },
            waitForStore: false));

        Assert.Contains("The dashboard exited", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Users:3 ('eve'): 'root' is not a role", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_does_not_start_with_a_malformed_hash()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DashboardProcess.StartAsync(
            fixture.Postgres.ConnectionString,
            new Dictionary<string, string> { ["Dashboard:Users:0:PasswordHash"] = "pbkdf2-sha256$10$x$y" },
            waitForStore: false));

        Assert.Contains("Dashboard:Users:0 ('support'): the PasswordHash is malformed", exception.Message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params ConfiguredUser[] users)
    {
        var options = new DashboardUsersOptions();
        options.Users.AddRange(users);
        return new DashboardUsersValidator(new HostingEnvironment { EnvironmentName = Environments.Development }).Validate(null, options);
    }
}

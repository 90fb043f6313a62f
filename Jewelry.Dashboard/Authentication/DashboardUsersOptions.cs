namespace Jewelry.Dashboard.Authentication;

/// <summary><c>Dashboard:Users</c>: who may sign in with a user name and password, and in which role.</summary>
public sealed class DashboardUsersOptions
{
    public const string SectionName = "Dashboard:Users";

    public List<ConfiguredUser> Users { get; } = [];
}

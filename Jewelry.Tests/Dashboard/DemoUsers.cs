namespace Jewelry.Tests.Dashboard;

/// <summary>The demo users of the dashboard's appsettings.json (documented there as credentials to replace).</summary>
public static class DemoUsers
{
    public const string SupportName = "support";
    public const string SupportPassword = "support-demo-2f9d41";

    public const string DeveloperName = "developer";
    public const string DeveloperPassword = "developer-demo-8c27e5";

    public const string AdminName = "admin";
    public const string AdminPassword = "admin-demo-5b13a0";
}

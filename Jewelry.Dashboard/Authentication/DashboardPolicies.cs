namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// Authorization policies by role. Endpoints without a policy fall back to "any signed-in user", which is
/// the same set as <see cref="Orders"/>.
/// </summary>
public static class DashboardPolicies
{
    /// <summary>Support, developer and admin: order journeys, stuck orders, stages, traces of orders.</summary>
    public const string Orders = "orders";

    /// <summary>Developer and admin: trace and log search, services, resources, status, the API document.</summary>
    public const string Developer = "developer";

    /// <summary>Admin only: the audit log and the retention settings.</summary>
    public const string Admin = "admin";
}

namespace Jewelry.Dashboard.Authentication;

/// <summary>The roles a dashboard user can have (claim <see cref="System.Security.Claims.ClaimTypes.Role"/>).</summary>
public static class DashboardRoles
{
    /// <summary>Order journeys, stuck orders, and only the spans that carry an order id.</summary>
    public const string Support = "support";

    /// <summary>All telemetry.</summary>
    public const string Developer = "developer";

    /// <summary>All telemetry, the retention settings and the audit log.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Support, Developer, Admin];

    /// <summary>The role's canonical name, or null when it is not one of <see cref="All"/>.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

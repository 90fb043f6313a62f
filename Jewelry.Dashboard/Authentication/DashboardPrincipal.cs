using System.Security.Claims;

namespace Jewelry.Dashboard.Authentication;

/// <summary>What the pages and the API ask of the signed-in user.</summary>
public static class DashboardPrincipal
{
    /// <summary>The name the browser token signs in as: whoever started the stack.</summary>
    public const string OperatorName = "operator";

    /// <summary>The name every request acts as when the frontend is unsecured.</summary>
    public const string AnonymousName = "anonymous";

    public static string? UserName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Name) : null;

    public static string? Role(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Role) : null;

    /// <summary>Developers and admins see whole traces; support sees only the spans of orders.</summary>
    public static bool SeesAllTelemetry(this ClaimsPrincipal user) =>
        user.IsInRole(DashboardRoles.Developer) || user.IsInRole(DashboardRoles.Admin);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(DashboardRoles.Admin);

    /// <summary>Where a role starts: support on the orders, everyone else on the traces.</summary>
    public static string HomePath(string? role) => role == DashboardRoles.Support ? "/orders" : "/traces";
}

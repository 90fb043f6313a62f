using System.Security.Claims;
using Jewelry.Dashboard.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Jewelry.Dashboard.Authentication;

/// <summary>Opens the session cookie for a user name and role; the same for the login form, the JSON login and the token link.</summary>
public static class DashboardSession
{
    public static ClaimsPrincipal CreatePrincipal(string userName, string role, string method, string authenticationType = CookieAuthenticationDefaults.AuthenticationScheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role), new Claim(SignInMethod.ClaimType, method)],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));

    public static Task SignInAsync(HttpContext context, string userName, string role, string method)
    {
        // The audit middleware reads the user from the request, which signing in does not change.
        AuditDetails.For(context).Identify(userName, role);
        return context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            CreatePrincipal(userName, role, method),
            new AuthenticationProperties { IsPersistent = true });
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// API calls without a session or without the role get 401 or 403 problem details saying what is needed;
/// pages keep the cookie's behaviour (the login page, or the forbidden page).
/// </summary>
internal sealed class DashboardAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!DashboardAuthenticationExtensions.IsApiRequest(context.Request) || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var problem = authorizeResult.Forbidden
            ? new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = $"{context.Request.Path} needs the role {RequiredRoles(policy)}; you are signed in as " +
                    $"'{context.User.UserName()}' with the role {context.User.Role() ?? "(none)"}.",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Not signed in",
                Detail = "Sign in first: POST /api/login with {\"userName\": ..., \"password\": ...}, or open the login link the AppHost printed.",
            };
        context.Response.StatusCode = problem.Status!.Value;
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static string RequiredRoles(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        return roles.Count == 0 ? "(any)" : string.Join(" or ", roles);
    }
}

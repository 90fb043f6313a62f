using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

public static class DashboardAuthenticationExtensions
{
    public const string CookieName = ".Jewelry.Dashboard.Session";

    /// <summary>
    /// Browser sessions: <c>/login?t=TOKEN</c> exchanges the one-time token for an admin session, the login form
    /// and <c>POST /api/login</c> check a configured user's password. Without a session, pages redirect to the
    /// login page and API calls get 401; without the role, 403. OTLP endpoints are checked by API key instead.
    /// </summary>
    public static WebApplicationBuilder AddDashboardAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrontendOptions>()
            .BindConfiguration(FrontendOptions.SectionName)
            .PostConfigure(options =>
            {
                if (options.AuthMode == FrontendAuthMode.BrowserToken && string.IsNullOrEmpty(options.BrowserToken))
                {
                    options.BrowserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                }
            });
        builder.Services.AddSingleton<BrowserTokenValidator>();

        builder.Services.AddOptions<DashboardUsersOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(DashboardUsersOptions.SectionName).Bind(options.Users))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardUsersOptions>, DashboardUsersValidator>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.SectionName)
            .Validate(o => o.MaxFailures >= 1, $"{SignInThrottleOptions.SectionName}:MaxFailures must be at least 1")
            .Validate(o => o.LockoutWindow > TimeSpan.Zero, $"{SignInThrottleOptions.SectionName}:LockoutWindow must be positive, e.g. 00:15:00")
            .Validate(o => o.TrackedNames >= 1, $"{SignInThrottleOptions.SectionName}:TrackedNames must be at least 1")
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(3);
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/forbidden";
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = ValidateAgainstConfigurationAsync;
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(DashboardPolicies.Orders, policy => policy.RequireRole(DashboardRoles.Support, DashboardRoles.Developer, DashboardRoles.Admin))
            .AddPolicy(DashboardPolicies.Developer, policy => policy.RequireRole(DashboardRoles.Developer, DashboardRoles.Admin))
            .AddPolicy(DashboardPolicies.Admin, policy => policy.RequireRole(DashboardRoles.Admin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, DashboardAuthorizationResultHandler>();

        builder.Services.AddHostedService<LoginUrlAnnouncer>();
        return builder;
    }

    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    /// <summary>A password session ends when its user is removed from the configuration or given another role.</summary>
    private static async Task ValidateAgainstConfigurationAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(SignInMethod.ClaimType) != SignInMethod.Password)
        {
            return;
        }

        var user = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>().Find(principal.UserName());
        if (user is null || !string.Equals(user.Role, principal.Role(), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

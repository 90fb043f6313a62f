using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

public static class DashboardAuthenticationExtensions
{
    public const string CookieName = ".Jewelry.Dashboard.Session";

    /// <summary>
    /// Browser sessions: <c>/login?t=TOKEN</c> exchanges the one-time token for a cookie. Without a session,
    /// pages redirect to the login page and API calls get 401. OTLP endpoints are checked by API key instead.
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
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            });

        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().Configure<IOptions<FrontendOptions>>((authorization, frontend) =>
            authorization.FallbackPolicy = frontend.Value.AuthMode == FrontendAuthMode.Unsecured
                ? null
                : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        builder.Services.AddHostedService<LoginUrlAnnouncer>();
        return builder;
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

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}

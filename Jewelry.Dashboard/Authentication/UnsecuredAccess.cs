using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>With <c>AuthMode=Unsecured</c> every request acts as an anonymous admin, so the role policies still apply uniformly.</summary>
public static class UnsecuredAccess
{
    public static IApplicationBuilder UseUnsecuredAdmin(this IApplicationBuilder app)
    {
        var frontend = app.ApplicationServices.GetRequiredService<IOptions<FrontendOptions>>().Value;
        if (frontend.AuthMode != FrontendAuthMode.Unsecured)
        {
            return app;
        }

        var principal = DashboardSession.CreatePrincipal(DashboardPrincipal.AnonymousName, DashboardRoles.Admin, SignInMethod.Unsecured, SignInMethod.Unsecured);
        return app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                context.User = principal;
            }

            return next(context);
        });
    }
}

using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Pages;

/// <summary>
/// Sign in with a configured user's name and password, or with the browser token the AppHost printed
/// (<c>/login?t=TOKEN</c>, an admin session for whoever started the stack).
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(BrowserTokenValidator validator, UserDirectory users, IOptions<FrontendOptions> frontend, ILogger<LoginModel> logger) : PageModel
{
    public bool TokenFailed { get; private set; }

    public string? PasswordError { get; private set; }

    public bool TokenLoginEnabled => frontend.Value.AuthMode == FrontendAuthMode.BrowserToken;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "t")] string? token)
    {
        if (frontend.Value.AuthMode == FrontendAuthMode.Unsecured)
        {
            return LocalRedirect("/traces");
        }

        if (token is null)
        {
            return Page();
        }

        return await SignInWithTokenAsync(token);
    }

    public Task<IActionResult> OnPostAsync([FromForm(Name = "token")] string? token) => SignInWithTokenAsync(token);

    public async Task<IActionResult> OnPostPasswordAsync([FromForm(Name = "password")] string? password)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(password))
        {
            PasswordError = "Enter your user name and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = users.Authenticate(UserName, password);
        if (user is null)
        {
            if (users.Find(UserName) is { } known)
            {
                var audit = AuditDetails.For(HttpContext);
                audit.Identify(known.Name, known.Role);
                audit.Detail = "sign-in refused: wrong password";
            }

            logger.LogWarning("Sign-in refused: unknown user name or wrong password");
            PasswordError = Api.LoginApi.WrongCredentials;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await DashboardSession.SignInAsync(HttpContext, user.Name, user.Role, SignInMethod.Password);
        return LocalRedirect(Destination(user.Role));
    }

    private async Task<IActionResult> SignInWithTokenAsync(string? token)
    {
        if (!TokenLoginEnabled || !validator.IsValid(token))
        {
            TokenFailed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await DashboardSession.SignInAsync(HttpContext, DashboardPrincipal.OperatorName, DashboardRoles.Admin, SignInMethod.BrowserToken);
        return LocalRedirect(Destination(DashboardRoles.Admin));
    }

    private string Destination(string role) => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : DashboardPrincipal.HomePath(role);
}

using System.Globalization;
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
public sealed class LoginModel(BrowserTokenValidator validator, PasswordSignIn signIn, IOptions<FrontendOptions> frontend) : PageModel
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

        var result = await signIn.SignInAsync(HttpContext, UserName, password);
        if (result.User is { } user)
        {
            return LocalRedirect(Destination(user.Role));
        }

        PasswordError = result.Refusal;
        Response.StatusCode = result.LockedFor is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests;
        if (result.RetryAfterSeconds is { } retryAfter)
        {
            Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        return Page();
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

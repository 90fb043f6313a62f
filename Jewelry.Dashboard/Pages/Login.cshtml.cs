using System.Security.Claims;
using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Pages;

/// <summary><c>/login?t=TOKEN</c> exchanges the browser token for a session cookie and goes to the traces.</summary>
[AllowAnonymous]
public sealed class LoginModel(BrowserTokenValidator validator, IOptions<FrontendOptions> frontend) : PageModel
{
    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        return await SignInAsync(token);
    }

    public Task<IActionResult> OnPostAsync([FromForm(Name = "token")] string? token) => SignInAsync(token);

    private async Task<IActionResult> SignInAsync(string? token)
    {
        if (!validator.IsValid(token))
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard-user")], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/traces");
    }
}

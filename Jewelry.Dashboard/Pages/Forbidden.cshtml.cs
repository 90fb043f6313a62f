using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages;

/// <summary>Where the session cookie sends a signed-in user whose role may not open a page: says so, with a 403.</summary>
public sealed class ForbiddenModel : PageModel
{
    [FromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public string Home => DashboardPrincipal.HomePath(User.Role());

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages;

/// <summary>The dashboard opens on the home of the user's role: the trace list, or for support the order journeys.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(DashboardPrincipal.HomePath(User.Role()));
}

using Jewelry.Dashboard.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages;

/// <summary>The dashboard opens on the trace list.</summary>
[Authorize(Policy = DashboardPolicies.Developer)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/traces");
}

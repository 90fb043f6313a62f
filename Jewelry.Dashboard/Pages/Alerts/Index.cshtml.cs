using Jewelry.Dashboard.Alerts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Alerts;

/// <summary>The alerts a user may see, firing first: the same as <c>GET /api/alerts</c>.</summary>
public sealed class IndexModel(AlertQueries queries) : PageModel
{
    public AlertsReport Report { get; private set; } = null!;

    public IReadOnlyList<AlertView> Firing => [.. Report.Alerts.Where(alert => alert.State == AlertState.Firing)];

    public IReadOnlyList<AlertView> Resolved => [.. Report.Alerts.Where(alert => alert.State == AlertState.Resolved)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await queries.GetAsync(User, state: null, cancellationToken);

    public static string SeverityBadge(string? severity) => severity switch
    {
        "critical" => "badge badge-error",
        "warning" => "badge badge-warn",
        _ => "badge",
    };
}

using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Resources;
using Jewelry.Dashboard.Storage.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Resources;

/// <summary>What the AppHost started (from its state file) and which service instances have sent telemetry.</summary>
[Authorize(Policy = DashboardPolicies.Developer)]
public sealed class IndexModel(ResourceStateReader stateReader, ServiceQueries services) : PageModel
{
    public ResourceSnapshot Snapshot { get; private set; } = new(null, null, [], null, null);

    public IReadOnlyList<TelemetrySource> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Snapshot = await stateReader.ReadAsync(cancellationToken);
        Sources = await services.GetTelemetrySourcesAsync(cancellationToken);
    }

    public static string StateClass(string? state) => state?.ToLowerInvariant() switch
    {
        "running" or "healthy" => "state-ok",
        "starting" or "waiting" or "notstarted" or "stopping" => "state-pending",
        "failed" or "exited" or "unhealthy" => "state-bad",
        _ => "state-other",
    };
}

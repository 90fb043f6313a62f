using Jewelry.Dashboard.Orders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Orders;

/// <summary>Where orders hang or got lost: past their status's threshold, messages nobody processed, dead letters, failures.</summary>
public sealed class StuckModel(StuckOrderQueries queries) : PageModel
{
    public StuckOrdersReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await queries.GetAsync(cancellationToken);

    public static string JourneyUrl(string orderId) => $"/orders/{Uri.EscapeDataString(orderId)}";
}

using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Pages.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Orders;

/// <summary>An order's journey: current status on top, the status timeline, errors, and every chain with its hops.</summary>
public sealed class JourneyModel(OrderJourneyQueries queries, TimeProvider time) : PageModel
{
    [FromRoute(Name = "orderId")]
    public string? RouteOrderId { get; set; }

    [FromQuery(Name = "orderId")]
    public string? QueryOrderId { get; set; }

    public string? OrderId { get; private set; }

    public string? Problem { get; private set; }

    public OrderJourney? Journey { get; private set; }

    public TimelineScale? Scale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var requested = RouteOrderId ?? QueryOrderId;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Page();
        }

        if (!OrderIds.TryNormalize(requested, out var orderId, out var problem))
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (RouteOrderId is null)
        {
            return Redirect($"/orders/{Uri.EscapeDataString(orderId)}");
        }

        OrderId = orderId;
        Journey = await queries.GetAsync(orderId, cancellationToken);
        if (Journey is null)
        {
            Problem = $"No stored span carries order.id {orderId}: the order was never traced, or its telemetry was removed by retention.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var end = Journey.IsFinal || Journey.CurrentStatus is null ? Journey.LastSeen : time.GetUtcNow();
        Scale = new TimelineScale(Journey.FirstSeen, end < Journey.LastSeen ? Journey.LastSeen : end);
        return Page();
    }
}

using Microsoft.AspNetCore.Http;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Requests about one order (<c>/orders/{id}</c>, <c>/production-orders/{orderId}</c>) tag their server
/// span with <c>order.id</c> and carry it as baggage before the endpoint runs, so every span the
/// request causes belongs to the order.
/// </summary>
internal sealed class OrderRouteTagger(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var candidate = values.TryGetValue("orderId", out var orderId) ? orderId
            : context.Request.Path.Value?.Contains("orders/", StringComparison.OrdinalIgnoreCase) == true && values.TryGetValue("id", out var id) ? id
            : null;
        if (Guid.TryParse(candidate?.ToString(), out var order))
        {
            OrderTelemetry.TrackOrder(order);
        }

        return next(context);
    }
}

using System.Diagnostics;
using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;
using ServiceTelemetry = Jewelry.ServiceDefaults.Telemetry.OrderTelemetry;

namespace Jewelry.ShopData.Telemetry;

/// <summary>Puts an order's business attributes on the current span and its baggage: ids and statuses only.</summary>
public static class OrderTracking
{
    public const string TransitionRefusedEvent = "order.transition.refused";

    /// <summary>
    /// <c>order.id</c> and <c>order.status</c> of <paramref name="order"/>, and <c>user.id</c> when <paramref name="userId"/>,
    /// the opaque id of the customer or operator acting, is given.
    /// </summary>
    public static void Track(Order order, string? userId = null)
    {
        ServiceTelemetry.TrackOrder(order.Id);
        ServiceTelemetry.TrackStatus(order.Status.ToName());
        ServiceTelemetry.TrackUser(userId);
    }

    /// <summary>
    /// A refused move saves nothing, so no <c>order.transition</c> span records it; an event on the current
    /// span does, with the lifecycle's reason.
    /// </summary>
    internal static void RecordRefusal(OrderTransitionRefusedException refusal)
        => Activity.Current?.AddEvent(new ActivityEvent(TransitionRefusedEvent, tags: new ActivityTagsCollection
        {
            [ServiceTelemetry.OrderId] = refusal.OrderId.ToString(),
            [ServiceTelemetry.StatusFrom] = refusal.Current.ToName(),
            [ServiceTelemetry.StatusTo] = refusal.Requested.ToName(),
            ["reason"] = refusal.Message,
        }));
}

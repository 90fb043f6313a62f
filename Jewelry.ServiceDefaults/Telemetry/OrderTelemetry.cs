using System.Diagnostics;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// The business attributes of the tracing contract, and how an order's id travels: set once on the
/// current span, it rides along as W3C baggage to every span below it, in this service (HTTP client,
/// Npgsql, S3, messaging) and in the services it calls or messages.
/// </summary>
public static class OrderTelemetry
{
    public const string OrderId = "order.id";
    public const string OrderStatus = "order.status";
    public const string StatusFrom = "order.status.from";
    public const string StatusTo = "order.status.to";
    public const string UserId = "user.id";
    public const string TransitionSpanName = "order.transition";

    /// <summary>Baggage keys copied onto every span and log record that starts under them.</summary>
    public static readonly string[] PropagatedKeys = [OrderId, UserId];

    public static void TrackOrder(Guid orderId) => Track(Activity.Current, OrderId, orderId.ToString());

    /// <summary><paramref name="userId"/> must be an opaque id (customer, operator or seller id), never a name or an e-mail.</summary>
    public static void TrackUser(string? userId)
    {
        if (!string.IsNullOrWhiteSpace(userId))
        {
            Track(Activity.Current, UserId, userId);
        }
    }

    public static void TrackStatus(string status) => Activity.Current?.SetTag(OrderStatus, status);

    /// <summary>
    /// Marks the current span as where an order's processing failed (status Error, <c>error.type</c>, a
    /// human-readable description), for failures that are answered rather than thrown.
    /// </summary>
    public static void RecordFailure(string errorType, string description)
    {
        var activity = Activity.Current;
        activity?.SetTag("error.type", errorType);
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }

    private static void Track(Activity? activity, string key, string value)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(key, value);
        if (activity.GetBaggageItem(key) != value)
        {
            activity.AddBaggage(key, value);
        }
    }
}

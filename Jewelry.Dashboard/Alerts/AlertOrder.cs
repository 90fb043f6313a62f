namespace Jewelry.Dashboard.Alerts;

/// <summary>An order an alert concerns, and its journey page.</summary>
public sealed record AlertOrder(string OrderId, string JourneyUrl)
{
    public static AlertOrder For(string orderId) => new(orderId, $"/orders/{Uri.EscapeDataString(orderId)}");
}

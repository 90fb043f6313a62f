namespace Jewelry.Contracts.Orders;

/// <summary>An order's statuses, in the order it passes them. Wire and database names: <see cref="OrderStatusNames"/>.</summary>
public enum OrderStatus
{
    Initiated,
    FileUploaded,
    Submitted,
    PriceCalculated,
    ManufacturingApproved,
    ManufacturingStarted,
    ManufacturingCompleted,
    Packaging,
    Shipped,
    Closed,
}

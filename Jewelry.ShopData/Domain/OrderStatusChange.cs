using Jewelry.Contracts.Orders;

namespace Jewelry.ShopData.Domain;

/// <summary>One transition in an order's status history.</summary>
public sealed class OrderStatusChange
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    /// <summary>Null for the first entry, when the order was created.</summary>
    public OrderStatus? FromStatus { get; set; }

    public OrderStatus ToStatus { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The service that made the change: <c>shop-api</c>, <c>crm-api</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The opaque id of the customer or operator who asked for it, when a person did.</summary>
    public string? ActorId { get; set; }
}

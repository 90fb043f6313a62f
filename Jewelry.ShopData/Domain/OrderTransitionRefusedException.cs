using Jewelry.Contracts.Orders;

namespace Jewelry.ShopData.Domain;

/// <summary>The lifecycle does not allow the move; the message is <see cref="OrderLifecycle.DescribeRefusal"/>.</summary>
public sealed class OrderTransitionRefusedException(Guid orderId, OrderStatus current, OrderStatus requested, string? reason = null)
    : Exception(reason ?? OrderLifecycle.DescribeRefusal(current, requested))
{
    public Guid OrderId { get; } = orderId;

    public OrderStatus Current { get; } = current;

    public OrderStatus Requested { get; } = requested;
}

using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;

namespace Jewelry.ShopData.Dtos;

public static class OrderResponseMapping
{
    /// <summary>The order with its history in the order it happened; load the history first.</summary>
    public static OrderResponse ToResponse(this Order order) => new(
        order.Id,
        order.CustomerId,
        order.ProductType,
        order.Material,
        order.Size,
        order.Notes,
        order.Status.ToName(),
        order.Price,
        order.Currency,
        order.FailureReason,
        order.TrackingNumber,
        order.ModelObjectKey is null ? null : new OrderModelResponse(order.ModelFileName, order.ModelSizeBytes),
        order.CreatedAt,
        order.UpdatedAt,
        order.StatusChangedAt,
        [.. order.StatusHistory
            .OrderBy(change => change.ChangedAt)
            .ThenBy(change => change.Id)
            .Select(change => new OrderHistoryEntryResponse(change.FromStatus?.ToName(), change.ToStatus.ToName(), change.ChangedAt, change.Source))]);
}

using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>One line of a seller's order list.</summary>
public sealed record SellerOrderSummaryResponse(
    Guid OrderId,
    string Stage,
    string Material,
    string ProductType,
    decimal? Price,
    string? Currency,
    string? TrackingNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageChangedAt)
{
    public static SellerOrderSummaryResponse From(ProductionOrder order) => new(
        order.OrderId,
        order.Stage.ToName(),
        order.Material,
        order.ProductType,
        order.Price,
        order.Currency,
        order.TrackingNumber,
        order.CreatedAt,
        order.StageChangedAt);
}

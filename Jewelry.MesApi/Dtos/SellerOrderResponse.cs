using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>A seller's order: its stage and history, the price and the geometry it was priced from.</summary>
public sealed record SellerOrderResponse(
    Guid OrderId,
    string Stage,
    string Material,
    string ProductType,
    decimal? Price,
    string? Currency,
    GeometryResponse? Geometry,
    double? MetalMassGrams,
    string? TrackingNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageChangedAt,
    IReadOnlyList<ProductionStepResponse> History)
{
    public static SellerOrderResponse From(ProductionOrder order, PriceCalculation? calculation) => new(
        order.OrderId,
        order.Stage.ToName(),
        order.Material,
        order.ProductType,
        order.Price,
        order.Currency,
        calculation is null ? null : GeometryResponse.From(calculation),
        calculation?.MetalMassG,
        order.TrackingNumber,
        order.CreatedAt,
        order.StageChangedAt,
        ProductionStepResponse.History(order));
}

using Jewelry.MesApi.Domain;
using Jewelry.ServiceDefaults.EntityFramework;

namespace Jewelry.MesApi.Dtos;

/// <summary>A production order as operators see it: where it is, where it can go, how it got there, and its price calculation.</summary>
public sealed record ProductionOrderResponse(
    Guid OrderId,
    string Source,
    string? SellerClientId,
    string Stage,
    IReadOnlyList<string> NextStages,
    string Material,
    string ProductType,
    string ModelKey,
    decimal? Price,
    string? Currency,
    string? TrackingNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageChangedAt,
    IReadOnlyList<ProductionStepResponse> History,
    PriceCalculationResponse? PriceCalculation)
{
    public static ProductionOrderResponse From(ProductionOrder order, PriceCalculation? calculation) => new(
        order.OrderId,
        EnumText.Format(order.Source),
        order.SellerClientId,
        order.Stage.ToName(),
        [.. ProductionStages.NextOf(order.Stage).Select(s => s.ToName())],
        order.Material,
        order.ProductType,
        order.ModelKey,
        order.Price,
        order.Currency,
        order.TrackingNumber,
        order.CreatedAt,
        order.StageChangedAt,
        ProductionStepResponse.History(order),
        calculation is null ? null : PriceCalculationResponse.From(calculation));
}

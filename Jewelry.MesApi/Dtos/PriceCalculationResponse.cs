using Jewelry.MesApi.Domain;
using Jewelry.ServiceDefaults.EntityFramework;

namespace Jewelry.MesApi.Dtos;

/// <summary>One price calculation: SUCCEEDED with geometry, metal mass and price, or FAILED with the reason.</summary>
public sealed record PriceCalculationResponse(
    Guid Id,
    Guid OrderId,
    string Status,
    string Material,
    GeometryResponse? Geometry,
    double? MetalMassGrams,
    decimal? Price,
    string? Currency,
    string? FailureReason,
    DateTimeOffset CalculatedAt,
    double DurationMs)
{
    public static PriceCalculationResponse From(PriceCalculation calculation) => new(
        calculation.Id,
        calculation.OrderId,
        EnumText.Format(calculation.Status),
        calculation.Material,
        GeometryResponse.From(calculation),
        calculation.MetalMassG,
        calculation.Price,
        calculation.Currency,
        calculation.FailureReason,
        calculation.CalculatedAt,
        calculation.DurationMs);
}

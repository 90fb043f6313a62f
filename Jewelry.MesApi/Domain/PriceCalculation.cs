using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Pricing;

namespace Jewelry.MesApi.Domain;

/// <summary>
/// One price calculation from an order's 3D model: the geometry measured, the metal it needs and the
/// price, or why it failed. Every attempt is kept.
/// </summary>
public sealed class PriceCalculation
{
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    public PriceCalculationStatus Status { get; set; }

    /// <summary>The model priced: its key in the <c>models</c> bucket.</summary>
    public required string ModelKey { get; set; }

    /// <summary>The material asked for, as given (it may be one the workshop does not cast).</summary>
    public required string Material { get; set; }

    public double? VolumeMm3 { get; set; }

    public double? SurfaceAreaMm2 { get; set; }

    public double? BoundingBoxXMm { get; set; }

    public double? BoundingBoxYMm { get; set; }

    public double? BoundingBoxZMm { get; set; }

    public int? TriangleCount { get; set; }

    public double? MetalMassG { get; set; }

    public decimal? Price { get; set; }

    /// <summary>ISO 4217 code of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset CalculatedAt { get; set; }

    /// <summary>How long the calculation took.</summary>
    public double DurationMs { get; set; }

    public static PriceCalculation Succeeded(
        Guid orderId, string modelKey, string material, MeshMetrics metrics, PriceQuote quote, DateTimeOffset at, TimeSpan duration) => new()
        {
            Id = Guid.CreateVersion7(at),
            OrderId = orderId,
            Status = PriceCalculationStatus.Succeeded,
            ModelKey = modelKey,
            Material = material,
            VolumeMm3 = metrics.VolumeMm3,
            SurfaceAreaMm2 = metrics.SurfaceAreaMm2,
            BoundingBoxXMm = metrics.BoundingBox.SizeX,
            BoundingBoxYMm = metrics.BoundingBox.SizeY,
            BoundingBoxZMm = metrics.BoundingBox.SizeZ,
            TriangleCount = metrics.TriangleCount,
            MetalMassG = quote.MetalMassGrams,
            Price = quote.Total,
            Currency = quote.Currency,
            CalculatedAt = at,
            DurationMs = duration.TotalMilliseconds,
        };

    public static PriceCalculation Failed(
        Guid orderId, string modelKey, string material, string reason, DateTimeOffset at, TimeSpan duration) => new()
        {
            Id = Guid.CreateVersion7(at),
            OrderId = orderId,
            Status = PriceCalculationStatus.Failed,
            ModelKey = modelKey,
            Material = material,
            FailureReason = reason,
            CalculatedAt = at,
            DurationMs = duration.TotalMilliseconds,
        };
}

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
}

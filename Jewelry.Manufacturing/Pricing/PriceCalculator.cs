using Jewelry.Manufacturing.Geometry;

namespace Jewelry.Manufacturing.Pricing;

/// <summary>
/// Deterministic price: metal mass from volume and density times the price per gram,
/// plus labour by complexity (surface to polish, facets to finish). Money rounds to kopecks.
/// </summary>
public sealed class PriceCalculator(PricingOptions options)
{
    private const double CubicMillimetresPerCubicCentimetre = 1000;
    private const double SquareMillimetresPerSquareCentimetre = 100;

    public PriceQuote Calculate(MeshMetrics metrics, Material material)
    {
        if (!options.Materials.TryGetValue(material, out var rate))
        {
            throw new InvalidOperationException($"No price is configured for {material.ToName()}.");
        }

        var massGrams = metrics.VolumeMm3 / CubicMillimetresPerCubicCentimetre * rate.DensityGramsPerCm3;
        var metal = Money((decimal)massGrams * rate.PricePerGram);
        var labour = Money(
            options.BaseLabour
            + options.LabourPerSquareCentimetre * (decimal)(metrics.SurfaceAreaMm2 / SquareMillimetresPerSquareCentimetre)
            + options.LabourPerThousandTriangles * metrics.TriangleCount / 1000m);
        return new PriceQuote(Math.Round(massGrams, 4), metal, labour, metal + labour, options.Currency);
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

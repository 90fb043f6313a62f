using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Pricing;
using Jewelry.Manufacturing.Printing;

namespace Jewelry.MesApi.Pricing;

/// <summary>Reads an STL model, checks it fits the printer, measures it and prices it in a material. Pure: no I/O, same input, same answer.</summary>
public sealed class ModelPricer(PriceCalculator calculator, BuildVolume printer)
{
    /// <summary>Checks the material first, so an order in an unknown metal fails without its model being read.</summary>
    public static PricingResult? CheckMaterial(string material) =>
        MaterialNames.TryParse(material, out _)
            ? null
            : PricingResult.Fail(PricingFailure.UnknownMaterial, UnknownMaterialReason(material));

    public PricingResult Price(ReadOnlySpan<byte> model, string material)
    {
        if (!MaterialNames.TryParse(material, out var metal))
        {
            return PricingResult.Fail(PricingFailure.UnknownMaterial, UnknownMaterialReason(material));
        }

        MeshMetrics metrics;
        try
        {
            metrics = MeshAnalyzer.Analyze(StlReader.Read(model));
        }
        catch (StlFormatException ex)
        {
            return PricingResult.Fail(PricingFailure.NotStl, ex.Message);
        }
        catch (InvalidModelException ex)
        {
            return PricingResult.Fail(PricingFailure.NotPrintable, ex.Message);
        }

        if (!printer.Fits(metrics.BoundingBox))
        {
            return PricingResult.Fail(PricingFailure.NotPrintable, printer.TooLargeReason(metrics.BoundingBox));
        }

        try
        {
            return PricingResult.Success(new PricedModel(metrics, calculator.Calculate(metrics, metal.Value)));
        }
        catch (InvalidOperationException ex)
        {
            // The price list has no rate for this metal: the workshop does not sell it now.
            return PricingResult.Fail(PricingFailure.UnknownMaterial, ex.Message);
        }
    }

    private static string UnknownMaterialReason(string material) =>
        $"Unknown material '{Truncate(material)}'; expected one of {string.Join(", ", MaterialNames.All)}.";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

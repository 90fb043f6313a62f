namespace Jewelry.Manufacturing.Pricing;

public sealed record PriceQuote(
    double MetalMassGrams,
    decimal MetalCost,
    decimal LabourCost,
    decimal Total,
    string Currency);

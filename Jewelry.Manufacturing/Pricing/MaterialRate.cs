namespace Jewelry.Manufacturing.Pricing;

/// <summary>How heavy a metal is and what a gram of it costs.</summary>
public sealed record MaterialRate(double DensityGramsPerCm3, decimal PricePerGram);

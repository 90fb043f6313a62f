namespace Jewelry.Manufacturing.Pricing;

/// <summary>Metals the workshop casts. Wire names: gold-585, silver-925, platinum-950.</summary>
public enum Material
{
    Gold585,
    Silver925,
    Platinum950,
}

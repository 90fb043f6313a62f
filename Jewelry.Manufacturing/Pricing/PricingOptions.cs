namespace Jewelry.Manufacturing.Pricing;

/// <summary>Price list; bound from the "Pricing" configuration section, with the workshop's defaults.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    public string Currency { get; set; } = "RUB";

    public Dictionary<Material, MaterialRate> Materials { get; set; } = new()
    {
        [Material.Gold585] = new(13.6, 6500m),
        [Material.Silver925] = new(10.36, 110m),
        [Material.Platinum950] = new(20.7, 3600m),
    };

    /// <summary>Set-up of every job: preparing the print, casting, cleaning.</summary>
    public decimal BaseLabour { get; set; } = 1500m;

    /// <summary>Polishing grows with the surface.</summary>
    public decimal LabourPerSquareCentimetre { get; set; } = 40m;

    /// <summary>Finer detail (more facets) takes longer to finish by hand.</summary>
    public decimal LabourPerThousandTriangles { get; set; } = 25m;
}

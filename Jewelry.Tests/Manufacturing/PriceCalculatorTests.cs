using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Pricing;

namespace Jewelry.Tests.Manufacturing;

[Trait("Category", "Unit")]
public sealed class PriceCalculatorTests
{
    private static readonly MeshMetrics s_oneCubicCentimetre =
        new(1000, 600, new BoundingBox(default, new Point3(10, 10, 10)), 2000);

    [Fact]
    public void The_price_is_metal_mass_times_price_per_gram_plus_labour()
    {
        var options = new PricingOptions();

        var quote = new PriceCalculator(options).Calculate(s_oneCubicCentimetre, Material.Gold585);

        // 1 cm³ of 585 gold weighs 13.6 g at 6500 a gram; labour 1500 + 40 × 6 cm² + 25 × 2 thousand facets.
        Assert.Equal(13.6, quote.MetalMassGrams, 1e-9);
        Assert.Equal(88400.00m, quote.MetalCost);
        Assert.Equal(1790.00m, quote.LabourCost);
        Assert.Equal(90190.00m, quote.Total);
        Assert.Equal("RUB", quote.Currency);
    }

    [Fact]
    public void Heavier_metal_costs_more_for_the_same_model()
    {
        var calculator = new PriceCalculator(new PricingOptions());

        var silver = calculator.Calculate(s_oneCubicCentimetre, Material.Silver925);
        var platinum = calculator.Calculate(s_oneCubicCentimetre, Material.Platinum950);

        Assert.Equal(10.36, silver.MetalMassGrams, 1e-9);
        Assert.True(platinum.Total > silver.Total);
        Assert.Equal(silver.LabourCost, platinum.LabourCost);
    }

    [Fact]
    public void The_same_input_always_gives_the_same_price()
    {
        var metrics = new MeshMetrics(1234.5678, 987.654, default, 3141);

        var first = new PriceCalculator(new PricingOptions()).Calculate(metrics, Material.Platinum950);
        var second = new PriceCalculator(new PricingOptions()).Calculate(metrics, Material.Platinum950);

        Assert.Equal(first, second);
        Assert.Equal(decimal.Round(first.Total, 2), first.Total);
    }

    [Theory]
    [InlineData("gold-585", Material.Gold585)]
    [InlineData("SILVER-925", Material.Silver925)]
    [InlineData("platinum-950", Material.Platinum950)]
    public void Material_names_parse(string name, Material expected)
    {
        Assert.True(MaterialNames.TryParse(name, out var material));
        Assert.Equal(expected, material);
        Assert.Equal(name.ToLowerInvariant(), expected.ToName());
    }

    [Theory]
    [InlineData("bronze")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_materials_do_not_parse(string? name)
    {
        Assert.False(MaterialNames.TryParse(name, out _));
    }
}

using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Pricing;
using Jewelry.Manufacturing.Printing;
using Jewelry.Manufacturing.Samples;
using Jewelry.MesApi.Pricing;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class ModelPricerTests
{
    private static readonly BuildVolume Printer = new() { X = 145, Y = 145, Z = 185 };
    private readonly ModelPricer _pricer = new(new PriceCalculator(new PricingOptions()), Printer);

    [Fact]
    public void A_closed_model_is_measured_and_priced_in_its_material()
    {
        var result = _pricer.Price(StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10)), "gold-585");

        Assert.True(result.Succeeded);
        Assert.Equal(1000, result.Priced.Metrics.VolumeMm3, 1e-9);
        Assert.Equal(13.6, result.Priced.Quote.MetalMassGrams, 1e-9);
        Assert.Equal("RUB", result.Priced.Quote.Currency);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void The_same_model_always_gets_the_same_price()
    {
        var model = StlWriter.WriteBinary(MeshFactory.SampleRing());

        Assert.Equal(_pricer.Price(model, "silver-925").Priced, _pricer.Price(model, "silver-925").Priced);
    }

    [Fact]
    public void A_mesh_without_volume_is_not_printable()
    {
        var result = _pricer.Price(StlWriter.WriteBinary(MeshFactory.Box(20, 20, 0)), "gold-585");

        Assert.Equal(PricingFailure.NotPrintable, result.Failure);
        Assert.Contains("no volume", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_no_stl_file_are_refused_as_such()
    {
        var result = _pricer.Price(Encoding.UTF8.GetBytes("These are notes, not a 3D model."), "gold-585");

        Assert.Equal(PricingFailure.NotStl, result.Failure);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("wood")]
    [InlineData("")]
    [InlineData("gold")]
    public void An_unknown_material_fails_before_the_model_is_read(string material)
    {
        var refused = ModelPricer.CheckMaterial(material);

        Assert.NotNull(refused);
        Assert.Equal(PricingFailure.UnknownMaterial, refused.Failure);
        Assert.Contains("gold-585", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(PricingFailure.UnknownMaterial, _pricer.Price([], material).Failure);
    }

    [Fact]
    public void Material_names_are_case_insensitive()
        => Assert.Null(ModelPricer.CheckMaterial("GOLD-585"));

    [Fact]
    public void A_metal_missing_from_the_price_list_cannot_be_priced()
    {
        var options = new PricingOptions();
        options.Materials.Remove(Material.Platinum950);
        var pricer = new ModelPricer(new PriceCalculator(options), Printer);

        var result = pricer.Price(StlWriter.WriteBinary(MeshFactory.Box(1, 1, 1)), "platinum-950");

        Assert.Equal(PricingFailure.UnknownMaterial, result.Failure);
    }

    [Fact]
    public void A_model_larger_than_the_printer_is_not_printable_and_says_both_sizes()
    {
        var result = _pricer.Price(StlWriter.WriteBinary(MeshFactory.Box(200, 160, 8)), "silver-925");

        Assert.Equal(PricingFailure.NotPrintable, result.Failure);
        Assert.Contains("200 x 160 x 8 mm", result.Reason, StringComparison.Ordinal);
        Assert.Contains("145 x 145 x 185 mm", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_model_fits_when_turned_upright()
        => Assert.True(_pricer.Price(StlWriter.WriteBinary(MeshFactory.Box(180, 20, 20)), "silver-925").Succeeded);
}

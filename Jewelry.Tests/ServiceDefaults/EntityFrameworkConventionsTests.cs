using Jewelry.Contracts.Orders;
using Jewelry.MesApi.Domain;
using Jewelry.ServiceDefaults.EntityFramework;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class EntityFrameworkConventionsTests
{
    [Theory]
    [InlineData("StatusChangedAt", "status_changed_at")]
    [InlineData("VolumeMm3", "volume_mm3")]
    [InlineData("BoundingBoxXMm", "bounding_box_x_mm")]
    [InlineData("MetalMassG", "metal_mass_g")]
    [InlineData("PK_orders", "pk_orders")]
    public void Names_become_snake_case(string name, string expected)
        => Assert.Equal(expected, SnakeCaseNamingExtensions.ToSnakeCase(name));

    [Fact]
    public void The_shop_database_stores_statuses_under_their_contract_names()
    {
        using var shop = new ShopDbContext(new DbContextOptionsBuilder<ShopDbContext>().UseNpgsql("Host=localhost").Options);
        var converter = shop.Model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.Status))!.GetValueConverter()!;

        Assert.All(Enum.GetValues<OrderStatus>(), status =>
        {
            Assert.Equal(status.ToName(), converter.ConvertToProvider(status));
            Assert.Equal(status, converter.ConvertFromProvider(status.ToName()));
        });
    }

    [Fact]
    public void Enum_text_is_upper_snake_case_like_the_contract_names()
        => Assert.Equal(
            Enum.GetValues<OrderStatus>().Select(status => status.ToName()),
            Enum.GetValues<OrderStatus>().Select(EnumText.Format));

    [Fact]
    public void Production_stages_are_stored_under_order_status_names()
        => Assert.All(
            Enum.GetValues<ProductionStage>(),
            stage => Assert.True(OrderStatusNames.TryParse(EnumText.Format(stage), out _)));

    [Fact]
    public void Text_round_trips_and_unknown_text_is_refused()
    {
        Assert.Equal(ProductionStage.ManufacturingStarted, EnumText.Parse<ProductionStage>("MANUFACTURING_STARTED"));
        Assert.Equal(PriceCalculationStatus.Failed, EnumText.Parse<PriceCalculationStatus>("FAILED"));
        Assert.False(EnumText.TryParse<PriceCalculationStatus>("failed", out _));
        Assert.False(EnumText.TryParse<PriceCalculationStatus>(null, out _));
        Assert.Throws<FormatException>(() => EnumText.Parse<ProductionStage>("LOST"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumText.Format((ProductionStage)42));
    }
}

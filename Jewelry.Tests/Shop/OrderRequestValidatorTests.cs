using Jewelry.ShopApi.Domain;
using Jewelry.ShopApi.Dtos;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class OrderRequestValidatorTests
{
    [Fact]
    public void A_valid_request_is_normalised()
    {
        var details = OrderRequestValidator.Validate(new CreateOrderRequest("customer-42", " Ring ", "GOLD-585", " 17 ", "  "), out var errors);

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal("customer-42", details.CustomerId);
        Assert.Equal("ring", details.ProductType);
        Assert.Equal("gold-585", details.Material);
        Assert.Equal("17", details.Size);
        Assert.Null(details.Notes);
    }

    [Fact]
    public void Every_invalid_field_is_named()
    {
        var details = OrderRequestValidator.Validate(
            new CreateOrderRequest("anna@example.com", "necklace", "bronze", new string('x', 17), new string('n', 2001)),
            out var errors);

        Assert.Null(details);
        Assert.Equal(["customerId", "material", "notes", "productType", "size"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_required_fields_are_named()
    {
        OrderRequestValidator.Validate(new CreateOrderRequest(null, null, null, null, null), out var errors);

        Assert.Equal(["customerId", "material", "productType"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ring")]
    [InlineData("pendant")]
    [InlineData("earrings")]
    [InlineData("bracelet")]
    [InlineData("brooch")]
    public void Every_product_type_is_accepted(string productType)
    {
        Assert.NotNull(OrderRequestValidator.Validate(new CreateOrderRequest("c", productType, "silver-925", null, null), out _));
    }

    [Fact]
    public void The_limits_themselves_are_allowed()
    {
        var details = OrderRequestValidator.Validate(
            new CreateOrderRequest(new string('c', 64), "brooch", "platinum-950", new string('s', 16), new string('n', 2000)),
            out var errors);

        Assert.Empty(errors);
        Assert.NotNull(details);
    }
}

using Jewelry.MesApi.Sellers;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class SellerRulesTests
{
    [Fact]
    public void A_valid_order_form_has_no_errors()
        => Assert.Empty(SellerOrderRules.Validate("silver-925", "ring"));

    [Theory]
    [InlineData(null, "ring", "material")]
    [InlineData("wood", "ring", "material")]
    [InlineData("gold-585", null, "productType")]
    [InlineData("gold-585", "", "productType")]
    [InlineData("gold-585", "ring\n", "productType")]
    [InlineData("gold-585", "<script>", "productType")]
    public void Each_bad_field_is_named(string? material, string? productType, string field)
        => Assert.Equal([field], SellerOrderRules.Validate(material, productType).Keys);

    [Fact]
    public void A_well_formed_seller_has_no_problems()
        => Assert.Empty(SellerClientRules.Check(new SellerClientOptions { ClientId = "demo-seller", Secret = new string('s', 32), Name = "Demo" }, 0));

    [Theory]
    [InlineData("", "ClientId")]
    [InlineData("..", "ClientId")]
    [InlineData("a/b", "ClientId")]
    [InlineData("demo seller", "ClientId")]
    public void Client_ids_are_safe_in_a_storage_path(string clientId, string field)
        => Assert.Contains(SellerClientRules.Check(new SellerClientOptions { ClientId = clientId, Secret = new string('s', 32), Name = "Demo" }, 3), p => p.Contains(field, StringComparison.Ordinal));

    [Fact]
    public void Short_secrets_are_refused_without_being_repeated()
    {
        var problems = SellerClientRules.Check(new SellerClientOptions { ClientId = "demo", Secret = "short-secret", Name = "Demo" }, 1).ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Sellers:Clients:1:Secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", problem, StringComparison.Ordinal);
    }
}

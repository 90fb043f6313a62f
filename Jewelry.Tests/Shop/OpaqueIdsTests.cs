using Jewelry.Contracts.Orders;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class OpaqueIdsTests
{
    [Theory]
    [InlineData("c")]
    [InlineData("customer-42")]
    [InlineData("A.b_C-9")]
    public void Opaque_tokens_are_accepted(string id) => Assert.True(OpaqueIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anna@example.com")]
    [InlineData("Anna Petrova")]
    [InlineData("customer-42\n")]
    [InlineData("кольцо")]
    public void Names_addresses_and_odd_characters_are_refused(string? id) => Assert.False(OpaqueIds.IsValid(id));

    [Fact]
    public void At_most_64_characters()
    {
        Assert.True(OpaqueIds.IsValid(new string('a', 64)));
        Assert.False(OpaqueIds.IsValid(new string('a', 65)));
    }
}

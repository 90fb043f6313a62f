using Jewelry.MesApi.Domain;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class TrackingNumbersTests
{
    [Theory]
    [InlineData("RA123456789RU")]
    [InlineData("1Z-999-AA1")]
    [InlineData("A")]
    public void Letters_digits_and_hyphens_are_tracking_numbers(string trackingNumber)
        => Assert.True(TrackingNumbers.IsValid(trackingNumber));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RA 123")]
    [InlineData("RA_123")]
    [InlineData("Трек123")]
    [InlineData("RA123\n")]
    public void Anything_else_is_refused(string? trackingNumber)
        => Assert.False(TrackingNumbers.IsValid(trackingNumber));

    [Fact]
    public void At_most_64_characters()
    {
        Assert.True(TrackingNumbers.IsValid(new string('A', 64)));
        Assert.False(TrackingNumbers.IsValid(new string('A', 65)));
    }
}

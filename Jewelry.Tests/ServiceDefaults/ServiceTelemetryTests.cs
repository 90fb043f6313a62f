using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class ServiceTelemetryTests
{
    [Theory]
    [InlineData("Jewelry.ShopApi", "Jewelry.ShopApi")]
    [InlineData("ShopApi", "Jewelry.ShopApi")]
    public void Sources_and_meters_are_named_under_the_jewelry_prefix(string applicationName, string expected)
        => Assert.Equal(expected, ServiceTelemetry.NameFor(applicationName));
}

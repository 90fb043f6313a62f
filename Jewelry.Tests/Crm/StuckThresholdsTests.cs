using Jewelry.Contracts.Orders;
using Jewelry.CrmApi.Domain;

namespace Jewelry.Tests.Crm;

[Trait("Category", "Unit")]
public sealed class StuckThresholdsTests
{
    [Fact]
    public void Every_status_but_closed_has_a_default()
    {
        var thresholds = StuckThresholds.Create(new Dictionary<string, TimeSpan>());

        Assert.Equal(Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Closed), thresholds.ByStatus.Keys.Order());
        Assert.Equal(TimeSpan.FromMinutes(5), thresholds.ByStatus[OrderStatus.Submitted]);
        Assert.All(thresholds.ByStatus.Values, threshold => Assert.True(threshold > TimeSpan.Zero));
    }

    [Fact]
    public void Configured_thresholds_override_the_defaults_by_wire_name()
    {
        var thresholds = StuckThresholds.Create(new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
        {
            ["SUBMITTED"] = TimeSpan.FromMinutes(1),
            ["packaging"] = TimeSpan.FromHours(6),
        });

        Assert.Equal(TimeSpan.FromMinutes(1), thresholds.ByStatus[OrderStatus.Submitted]);
        Assert.Equal(TimeSpan.FromHours(6), thresholds.ByStatus[OrderStatus.Packaging]);
        Assert.Equal(StuckThresholds.Defaults[OrderStatus.Shipped], thresholds.ByStatus[OrderStatus.Shipped]);
    }

    [Theory]
    [InlineData("SUBMITED", "00:05:00", "not an order status")]
    [InlineData("CLOSED", "1.00:00:00", "final")]
    [InlineData("SUBMITTED", "00:00:00", "between")]
    [InlineData("SUBMITTED", "-00:01:00", "between")]
    public void Invalid_configuration_is_refused_with_the_key(string status, string threshold, string reason)
    {
        var configured = new Dictionary<string, TimeSpan> { [status] = TimeSpan.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture) };

        var error = Assert.Single(StuckThresholds.Validate(configured));
        Assert.Contains($"Crm:StuckThresholds:{status}", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StuckThresholds.Create(configured));
    }
}

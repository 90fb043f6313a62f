using Jewelry.Contracts.Orders;

namespace Jewelry.Tests.Contracts;

[Trait("Category", "Unit")]
public sealed class OrderLifecycleTests
{
    [Fact]
    public void The_happy_path_visits_every_status_in_order()
    {
        var statuses = Enum.GetValues<OrderStatus>();

        for (var i = 0; i + 1 < statuses.Length; i++)
        {
            Assert.True(OrderLifecycle.CanMove(statuses[i], statuses[i + 1]), $"{statuses[i]} -> {statuses[i + 1]}");
        }
    }

    [Theory]
    [InlineData(OrderStatus.Initiated, OrderStatus.Submitted)]
    [InlineData(OrderStatus.PriceCalculated, OrderStatus.ManufacturingStarted)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Packaging)]
    [InlineData(OrderStatus.Closed, OrderStatus.Initiated)]
    [InlineData(OrderStatus.Submitted, OrderStatus.Submitted)]
    public void Skipping_or_going_back_is_refused(OrderStatus from, OrderStatus to)
    {
        Assert.False(OrderLifecycle.CanMove(from, to));
    }

    [Fact]
    public void A_submitted_order_may_go_back_to_file_uploaded_which_the_order_allows_only_after_failed_pricing()
    {
        Assert.True(OrderLifecycle.CanMove(OrderStatus.Submitted, OrderStatus.FileUploaded));
        Assert.False(OrderLifecycle.CanMove(OrderStatus.PriceCalculated, OrderStatus.FileUploaded));
    }

    [Fact]
    public void The_refusal_names_the_current_status_and_what_it_allows()
    {
        var text = OrderLifecycle.DescribeRefusal(OrderStatus.PriceCalculated, OrderStatus.Closed);

        Assert.Equal("The order is PRICE_CALCULATED; it cannot move to CLOSED. From PRICE_CALCULATED it can move to MANUFACTURING_APPROVED.", text);
        Assert.Contains("nothing: it is final", OrderLifecycle.DescribeRefusal(OrderStatus.Closed, OrderStatus.Shipped), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_names_round_trip_and_unknown_names_are_refused()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.Equal(status, OrderStatusNames.Parse(status.ToName()));
        }

        Assert.Equal("MANUFACTURING_APPROVED", OrderStatus.ManufacturingApproved.ToName());
        Assert.False(OrderStatusNames.TryParse("LOST", out _));
        Assert.Throws<FormatException>(() => OrderStatusNames.Parse("LOST"));
    }
}

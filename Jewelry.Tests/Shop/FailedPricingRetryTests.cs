using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class FailedPricingRetryTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static Order SubmittedOrder()
    {
        var order = Order.Create(new OrderDetails("customer-42", "ring", "gold-585", "17", null), s_start, OrderSources.ShopApi);
        order.MoveTo(OrderStatus.FileUploaded, s_start.AddMinutes(1), OrderSources.ShopApi);
        order.MoveTo(OrderStatus.Submitted, s_start.AddMinutes(2), OrderSources.ShopApi);
        order.PriceRequestedAt = s_start.AddMinutes(2);
        return order;
    }

    [Fact]
    public void A_submitted_order_being_priced_cannot_take_a_new_model()
    {
        var order = SubmittedOrder();

        var refusal = Assert.Throws<OrderTransitionRefusedException>(() => order.MoveTo(OrderStatus.FileUploaded, s_start.AddMinutes(3), OrderSources.ShopApi));

        Assert.False(order.CanMoveTo(OrderStatus.FileUploaded));
        Assert.Contains("only after a failed price calculation", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(3, order.StatusHistory.Count);
    }

    [Fact]
    public void After_a_failed_price_calculation_a_new_model_starts_over_from_file_uploaded()
    {
        var order = SubmittedOrder();
        order.FailureReason = "The model encloses no volume (0 mm³); it must be a closed solid.";

        order.MoveTo(OrderStatus.FileUploaded, s_start.AddMinutes(3), OrderSources.ShopApi);

        Assert.Equal(OrderStatus.FileUploaded, order.Status);
        Assert.Null(order.FailureReason);
        Assert.Null(order.PriceRequestedAt);
        Assert.True(order.CanMoveTo(OrderStatus.Submitted));
    }
}

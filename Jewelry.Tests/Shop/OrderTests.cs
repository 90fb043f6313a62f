using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class OrderTests
{
    private static readonly DateTimeOffset _createdAt = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static Order NewOrder()
        => Order.Create(new OrderDetails("customer-42", "ring", "gold-585", "17", null), _createdAt, OrderSources.ShopApi);

    [Fact]
    public void A_new_order_is_initiated_with_its_first_history_entry()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Initiated, order.Status);
        Assert.Equal(_createdAt, order.CreatedAt);
        Assert.Equal(_createdAt, order.StatusChangedAt);
        var first = Assert.Single(order.StatusHistory);
        Assert.Null(first.FromStatus);
        Assert.Equal(OrderStatus.Initiated, first.ToStatus);
        Assert.Equal(OrderSources.ShopApi, first.Source);
        Assert.Equal(order.Id, first.OrderId);
    }

    [Fact]
    public void Moving_updates_the_status_its_times_and_the_history()
    {
        var order = NewOrder();
        var at = _createdAt.AddMinutes(3);

        var change = order.MoveTo(OrderStatus.FileUploaded, at, OrderSources.ShopApi, "customer-42");

        Assert.Equal(OrderStatus.FileUploaded, order.Status);
        Assert.Equal(at, order.StatusChangedAt);
        Assert.Equal(at, order.UpdatedAt);
        Assert.Equal(OrderStatus.Initiated, change.FromStatus);
        Assert.Equal(OrderStatus.FileUploaded, change.ToStatus);
        Assert.Equal("customer-42", change.ActorId);
        Assert.Equal(2, order.StatusHistory.Count);
    }

    [Fact]
    public void A_refused_move_throws_with_the_lifecycle_text_and_changes_nothing()
    {
        var order = NewOrder();

        var refusal = Assert.Throws<OrderTransitionRefusedException>(
            () => order.MoveTo(OrderStatus.Submitted, _createdAt.AddMinutes(1), OrderSources.ShopApi));

        Assert.Equal(OrderStatus.Initiated, refusal.Current);
        Assert.Equal(OrderStatus.Submitted, refusal.Requested);
        Assert.Equal(OrderLifecycle.DescribeRefusal(OrderStatus.Initiated, OrderStatus.Submitted), refusal.Message);
        Assert.Equal(OrderStatus.Initiated, order.Status);
        Assert.Equal(_createdAt, order.UpdatedAt);
        Assert.Single(order.StatusHistory);
    }

    [Fact]
    public void A_model_may_be_replaced_before_submitting()
    {
        var order = NewOrder();
        order.MoveTo(OrderStatus.FileUploaded, _createdAt.AddMinutes(1), OrderSources.ShopApi);

        order.MoveTo(OrderStatus.FileUploaded, _createdAt.AddMinutes(2), OrderSources.ShopApi);

        Assert.Equal(3, order.StatusHistory.Count);
    }

    [Fact]
    public void A_clock_running_behind_does_not_put_the_history_out_of_order()
    {
        var order = NewOrder();
        order.MoveTo(OrderStatus.FileUploaded, _createdAt.AddMinutes(10), OrderSources.ShopApi);

        var change = order.MoveTo(OrderStatus.Submitted, _createdAt.AddMinutes(5), OrderSources.ShopApi);

        Assert.Equal(_createdAt.AddMinutes(10), change.ChangedAt);
        Assert.Equal(_createdAt.AddMinutes(10), order.StatusChangedAt);
    }

    [Fact]
    public void Model_keys_come_from_the_order_id_alone()
    {
        var id = Guid.Parse("0190a5c4-1111-7222-8333-944455556666");

        Assert.Equal("orders/0190a5c4-1111-7222-8333-944455556666/model.stl", ModelObjectKeys.For(id));
    }
}

using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Dtos;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class OrderResponseMappingTests
{
    private static readonly DateTimeOffset _createdAt = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Statuses_are_wire_names_and_the_history_is_in_order()
    {
        var order = Order.Create(new OrderDetails("c-1", "pendant", "silver-925", null, "engrave: A+B"), _createdAt, OrderSources.ShopApi);
        order.MoveTo(OrderStatus.FileUploaded, _createdAt.AddMinutes(1), OrderSources.ShopApi);
        order.ModelObjectKey = ModelObjectKeys.For(order.Id);
        order.ModelFileName = "pendant.stl";
        order.ModelSizeBytes = 1234;

        var response = order.ToResponse();

        Assert.Equal("FILE_UPLOADED", response.Status);
        Assert.Equal(new OrderModelResponse("pendant.stl", 1234), response.Model);
        Assert.Collection(
            response.History,
            first => Assert.Equal((null, "INITIATED", OrderSources.ShopApi), (first.From, first.To, first.Source)),
            second => Assert.Equal(("INITIATED", "FILE_UPLOADED"), (second.From, second.To)));
    }

    [Fact]
    public void An_order_without_a_model_has_none()
    {
        var order = Order.Create(new OrderDetails("c-1", "ring", "gold-585", null, null), _createdAt, OrderSources.ShopApi);

        Assert.Null(order.ToResponse().Model);
    }
}

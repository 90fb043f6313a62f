namespace Jewelry.ShopData.Domain;

/// <summary>Where an order's 3D model lives in the <c>models</c> bucket.</summary>
public static class ModelObjectKeys
{
    /// <summary>Derived from the order id alone: never from the customer's file name.</summary>
    public static string For(Guid orderId) => $"orders/{orderId:D}/model.stl";
}

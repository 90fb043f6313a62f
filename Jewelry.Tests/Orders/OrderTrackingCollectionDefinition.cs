namespace Jewelry.Tests.Orders;

/// <summary>Test classes in this collection share one running stack whose services export to its dashboard.</summary>
[CollectionDefinition(Name)]
public sealed class OrderTrackingCollectionDefinition : ICollectionFixture<OrderTrackingStackFixture>
{
    public const string Name = "Order tracking";
}

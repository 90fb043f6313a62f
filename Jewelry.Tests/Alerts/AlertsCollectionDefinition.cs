namespace Jewelry.Tests.Alerts;

/// <summary>Test classes in this collection share one running stack with fast alert rules and the test's webhook receivers.</summary>
[CollectionDefinition(Name)]
public sealed class AlertsCollectionDefinition : ICollectionFixture<AlertsStackFixture>
{
    public const string Name = "Alerts";
}

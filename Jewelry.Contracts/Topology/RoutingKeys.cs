namespace Jewelry.Contracts.Topology;

public static class RoutingKeys
{
    public const string PriceRequested = "price.requested";
    public const string PriceCalculated = "price.calculated";
    public const string PriceFailed = "price.failed";
    public const string ManufacturingApproved = "manufacturing.approved";
    public const string ProductionStageChanged = "production.stage-changed";
}

namespace Jewelry.Contracts.Topology;

/// <summary>
/// The whole RabbitMQ topology between CRM and MES. Every service declares all of it at start,
/// so a mandatory publish is routable whichever service started first.
/// </summary>
public static class OrderTopology
{
    public const string Exchange = "jewelry.orders";
    public const string DeadLetterExchange = "jewelry.orders.dead-letter";

    public static readonly QueueDefinition MesPriceRequests = new("mes.price-requests", [RoutingKeys.PriceRequested]);
    public static readonly QueueDefinition MesApprovals = new("mes.manufacturing-approvals", [RoutingKeys.ManufacturingApproved]);
    public static readonly QueueDefinition CrmPriceResults = new("crm.price-results", [RoutingKeys.PriceCalculated, RoutingKeys.PriceFailed]);
    public static readonly QueueDefinition CrmProductionEvents = new("crm.production-events", [RoutingKeys.ProductionStageChanged]);

    public static IReadOnlyList<QueueDefinition> Queues { get; } = [MesPriceRequests, MesApprovals, CrmPriceResults, CrmProductionEvents];
}

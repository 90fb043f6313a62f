namespace Jewelry.MesApi.Domain;

/// <summary>
/// Where an approved order is in production, in order. The names are the order statuses the shop
/// shows for these stages, stored and sent as UPPER_SNAKE_CASE text (<c>MANUFACTURING_STARTED</c>).
/// </summary>
public enum ProductionStage
{
    /// <summary>Approved by an operator and queued for production.</summary>
    ManufacturingApproved,

    ManufacturingStarted,

    ManufacturingCompleted,

    Packaging,

    Shipped,
}

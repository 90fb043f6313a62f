namespace Jewelry.Contracts.Messages;

/// <summary>
/// MES -> CRM: the production order moved to <paramref name="Stage"/>, one of MANUFACTURING_STARTED,
/// MANUFACTURING_COMPLETED, PACKAGING, SHIPPED. <paramref name="TrackingNumber"/> is set when shipped.
/// </summary>
public sealed record ProductionStageChanged(Guid OrderId, string Stage, DateTimeOffset ChangedAt, string? TrackingNumber);

namespace Jewelry.MesApi.Dtos;

/// <summary>How many orders are at a stage, and the one that has waited there longest, since when.</summary>
public sealed record StageOverviewResponse(string Stage, int Count, Guid? OldestOrderId, DateTimeOffset? OldestSince);

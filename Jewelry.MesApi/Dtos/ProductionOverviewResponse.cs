namespace Jewelry.MesApi.Dtos;

/// <summary>Every production stage in order, including the empty ones.</summary>
public sealed record ProductionOverviewResponse(int Total, IReadOnlyList<StageOverviewResponse> Stages);

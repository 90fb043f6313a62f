using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>A seller's order as a journey: the stage it is in and since when, and every stage it passed with its duration.</summary>
public sealed record SellerOrderJourneyResponse(
    Guid OrderId,
    string CurrentStage,
    DateTimeOffset Since,
    double SecondsInCurrentStage,
    IReadOnlyList<JourneyStageResponse> Stages)
{
    public static SellerOrderJourneyResponse From(Guid orderId, ProductionJourney journey) => new(
        orderId,
        journey.CurrentStage.ToName(),
        journey.Since,
        journey.InCurrentStage.TotalSeconds,
        [.. journey.Stages.Select(JourneyStageResponse.From)]);
}

using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>A stage of the journey; <see cref="LeftAt"/> is null for the stage the order is in.</summary>
public sealed record JourneyStageResponse(string Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, double DurationSeconds)
{
    public static JourneyStageResponse From(JourneyStage stage) =>
        new(stage.Stage.ToName(), stage.EnteredAt, stage.LeftAt, stage.Duration.TotalSeconds);
}

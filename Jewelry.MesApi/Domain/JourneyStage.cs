namespace Jewelry.MesApi.Domain;

/// <summary>One stage of a journey: when the order entered it, when it left (null while it is still there), and for how long.</summary>
public sealed record JourneyStage(ProductionStage Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, TimeSpan Duration);

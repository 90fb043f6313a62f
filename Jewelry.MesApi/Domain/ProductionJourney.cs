namespace Jewelry.MesApi.Domain;

/// <summary>Where a production order is now and how long it spent in each stage it passed, from its history.</summary>
public sealed record ProductionJourney(ProductionStage CurrentStage, DateTimeOffset Since, TimeSpan InCurrentStage, IReadOnlyList<JourneyStage> Stages)
{
    public static ProductionJourney Of(ProductionOrder order, DateTimeOffset now)
    {
        var steps = order.Steps.OrderBy(s => s.ChangedAt).ThenBy(s => s.Id).ToList();
        var stages = new List<JourneyStage>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var left = i + 1 < steps.Count ? steps[i + 1].ChangedAt : (DateTimeOffset?)null;
            stages.Add(new JourneyStage(steps[i].Stage, steps[i].ChangedAt, left, (left ?? now) - steps[i].ChangedAt));
        }

        var since = stages.Count > 0 ? stages[^1].EnteredAt : order.StageChangedAt;
        return new ProductionJourney(order.Stage, since, now - since, stages);
    }
}

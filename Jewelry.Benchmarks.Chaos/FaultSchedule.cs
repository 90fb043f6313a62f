namespace Jewelry.Benchmarks.Chaos;

/// <summary>
/// Each resource once, in an order and at offsets drawn from the seed: the load is cut into one slot per resource
/// (leaving a slot free at each end) and each kill falls at its slot's middle, moved by up to a quarter of a slot.
/// </summary>
public static class FaultSchedule
{
    public static IReadOnlyList<ScheduledFault> Plan(IReadOnlyList<string> resources, TimeSpan load, int seed)
    {
        var random = new Random(seed);
        var order = resources.ToArray();
        random.Shuffle(order);
        var slot = load / (order.Length + 1);
        return [.. order.Select((resource, i) => new ScheduledFault(resource, slot * (i + 1) + slot * ((random.NextDouble() - 0.5) / 2)))];
    }
}

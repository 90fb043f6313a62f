namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// When each generated order starts: spread over <see cref="Spread"/> before <see cref="Now"/>, with
/// <see cref="RecentShare"/> of them in the last day (denser than the days before, as a store that grows is).
/// Drawn from the order's own seeded random, so the same order always starts at the same point relative to <see cref="Now"/>.
/// </summary>
internal sealed record OrderSchedule(DateTimeOffset Now, TimeSpan Spread, double RecentShare)
{
    private static readonly TimeSpan s_day = TimeSpan.FromDays(1);

    public DateTimeOffset StartOf(Random random)
    {
        if (Spread <= s_day)
        {
            return Now - (Spread * random.NextDouble());
        }

        return random.NextDouble() < RecentShare
            ? Now - (s_day * random.NextDouble())
            : Now - s_day - ((Spread - s_day) * random.NextDouble());
    }
}

namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Statuses in lifecycle order (ones the configuration does not list last), hops by total time spent, most first;
/// <see cref="HopsTruncated"/> says that more hops than <see cref="StageStatisticsQueries.MaxHops"/> had spans. Both are
/// counted by whole minutes (whole hours more than <see cref="RollupTiers.MinuteTierKeptFor"/> back): <see cref="CountedWindow"/>.
/// </summary>
public sealed record StageStatisticsReport(
    StageWindow Window,
    IReadOnlyList<StatusStatistics> Statuses,
    IReadOnlyList<HopStatistics> Hops,
    bool HopsTruncated)
{
    /// <summary>The window stays and hops are counted in: <see cref="Window"/> widened to the whole rollup buckets it touches.</summary>
    public StageWindow? CountedWindow { get; init; }
}
